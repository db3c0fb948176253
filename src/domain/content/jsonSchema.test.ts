import { describe, expect, it } from 'vitest'
import { questionSetJsonSchema, questionSetJsonSchemaText } from './jsonSchema'

// The committed file, read through Vite (absent → empty record, so the test can say what to do).
const committed = import.meta.glob<string>('../../../questions/question-set.schema.json', {
  query: '?raw',
  import: 'default',
  eager: true,
})

describe('question-set JSON Schema', () => {
  it('has an id, a title and the set fields', () => {
    const schema = questionSetJsonSchema()
    expect(schema.$id).toBe('question-set.schema.json')
    expect(schema.title).toBe('Question set')
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'keyPoints', 'questions']))
  })

  it('matches the committed questions/question-set.schema.json', () => {
    const text = Object.values(committed)[0]
    if (text === undefined) throw new Error('questions/question-set.schema.json is missing: run `npm run schema:questions`')
    if (text !== questionSetJsonSchemaText())
      throw new Error('questions/question-set.schema.json is stale: run `npm run schema:questions`')
  })
})
