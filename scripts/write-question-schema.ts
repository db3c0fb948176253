/** Writes questions/question-set.schema.json from the valibot schema (`npm run schema:questions`). */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { questionSetJsonSchemaText } from '../src/domain/content/jsonSchema'

const target = fileURLToPath(new URL('../questions/question-set.schema.json', import.meta.url))
writeFileSync(target, questionSetJsonSchemaText())
console.log('wrote questions/question-set.schema.json')
