/**
 * The JSON Schema of a question-set file, generated from the valibot schema so editors can
 * check and complete set files. questions/question-set.schema.json is this, pretty-printed
 * (`npm run schema:questions`); jsonSchema.test.ts fails when the committed file is stale.
 */
import { toJsonSchema } from '@valibot/to-json-schema'
import { QuestionSetSchema } from './schema.ts'

export const QUESTION_SET_SCHEMA_ID = 'question-set.schema.json'

export function questionSetJsonSchema(): Record<string, unknown> {
  // errorMode 'ignore': transforms such as trim() have no JSON Schema equivalent.
  const { $schema, ...rest } = toJsonSchema(QuestionSetSchema, { errorMode: 'ignore' }) as Record<string, unknown>
  return {
    $schema,
    $id: QUESTION_SET_SCHEMA_ID,
    title: 'Question set',
    description:
      'One quiz set of the study app (questions/<set-id>.json). Generated from src/domain/content/schema.ts by `npm run schema:questions`; do not edit by hand. Rules between fields (answers that refer to existing choices, unique ids, ...) are checked by `npm run check:questions`.',
    ...rest,
  }
}

/** The file's exact text: 2-space indentation and a trailing newline. */
export function questionSetJsonSchemaText(): string {
  return `${JSON.stringify(questionSetJsonSchema(), null, 2)}\n`
}
