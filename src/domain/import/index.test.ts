import { describe, expect, it } from 'vitest'
import { validateSet } from '@/domain/content/validate'
import { MAX_BLANK_LINES } from './csv'
import { detectFormat, parseImport, parseImportSteps, type ImportOptions, type ImportResult } from './index'

const P = 'imp-idx'
const opts = (o: Partial<ImportOptions> = {}): ImportOptions => ({ format: 'auto', idPrefix: P, ...o })

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(`expected a set, got ${JSON.stringify(result.errors)}`)
  expect(validateSet(result.set, { file: 'x' }).ok).toBe(true)
  return result
}
function errors(result: ImportResult) {
  if (result.ok) throw new Error('expected errors, got a set')
  return result.errors
}

describe('control characters', () => {
  it('refuses a NUL byte with its line and character column, and says what the file likely is', () => {
    expect(errors(parseImport('cat\tchat\ndog\tchi\u0000en\n', opts()))).toEqual([
      {
        line: 2,
        column: 8,
        code: 'controlNul',
        message:
          'The text holds a NUL character (U+0000), which no question text can hold. The file is most likely binary, or UTF-16 text without a byte order mark: save it as UTF-8 text and try again.',
      },
    ])
  })

  it('refuses the other C0 control characters, by their code point', () => {
    expect(errors(parseImport('cat\u0007\tchat\n', opts()))).toEqual([
      {
        line: 1,
        column: 4,
        code: 'controlChar',
        params: { char: 'U+0007' },
        message:
          'The text holds the control character U+0007, which no question text can hold. The file is most likely binary or damaged: save it again as UTF-8 text (CSV, TSV or JSON) and try again.',
      },
    ])
    // In JSON too, whichever format is chosen.
    expect(errors(parseImport('{"id":"s\u001b"}', opts({ format: 'json' })))[0]).toMatchObject({ code: 'controlChar', line: 1, column: 9 })
  })

  it('keeps tabs, line feeds and carriage returns', () => {
    expect(ok(parseImport('cat\tchat\r\ndog\tchien\r', opts())).set.questions).toHaveLength(4)
  })
})

describe('format detection', () => {
  it('reads a TSV whose first term starts with "[" (an IPA deck) as TSV', () => {
    const result = ok(parseImport('[kæt]\tcat\n[dɒɡ]\tdog\n', opts()))
    expect(result.meta).toMatchObject({ format: 'csv', separator: '\t' })
    expect(result.set.questions[0]).toMatchObject({ type: 'flashcard', prompt: { en: '[kæt]' }, back: { en: 'cat' } })
    expect(detectFormat('[kæt]\tcat')).toBe('json') // the first guess, which the fallback corrects
  })

  it('keeps JSON that parses but is no set as a JSON problem', () => {
    expect(errors(parseImport('[1,2,3]', opts()))).toEqual([
      { code: 'vNotASet', params: { got: 'a list' }, message: 'must be an object (a question set), got a list' },
    ])
  })

  it('says what was tried when the text is neither JSON nor CSV / TSV, and how to choose', () => {
    const result = parseImport('{"id": "x",\n"title": }\n', opts())
    expect(result.meta).toEqual({ format: 'json' })
    expect(errors(result)).toEqual([
      {
        line: 2,
        column: 10,
        code: 'triedBoth',
        params: { reason: 'unexpected "}"', first: '{' },
        message:
          'invalid JSON: unexpected "}". The text starts with “{”, so it was read as JSON; read as CSV / TSV it fails too. If it is a CSV / TSV file, choose “CSV / TSV” as the format to see its problems.',
      },
    ])
  })

  it('does not fall back when JSON is chosen', () => {
    expect(errors(parseImport('[kæt]\tcat\n', opts({ format: 'json' })))).toEqual([expect.objectContaining({ code: 'invalidJson' })])
  })

  it('names a backup of progress given as a question set, in one message', () => {
    const backup = JSON.stringify({ format: 'qwen-study-backup', version: 1, exportedAt: 0, cards: [], reviews: [], attempts: [], notebook: [], settings: [], archive: [], importedSets: [] })
    for (const format of ['auto', 'json'] as const)
      expect(errors(parseImport(backup, opts({ format })))).toEqual([
        {
          code: 'backupFile',
          message: 'This is a backup of your progress, not a question set. To restore it, open Settings → Backup → “Import progress”.',
        },
      ])
  })
})

describe('empty lines', () => {
  it('reads a file followed by millions of empty lines without splitting them into rows', () => {
    const text = `cat\tchat\ndog\tchien\n${'\n'.repeat(2_000_000)}`
    const steps = parseImportSteps(text, opts())
    const started = performance.now()
    let step = steps.next()
    while (step.done !== true) step = steps.next()
    const elapsed = performance.now() - started
    expect(ok(step.value).set.questions).toHaveLength(4)
    // Splitting 2 M empty rows takes over a second; trimming them takes a few milliseconds.
    expect(elapsed).toBeLessThan(500)
  })

  it('refuses more empty lines between rows than the limit, before splitting the rows', () => {
    const text = `cat\tchat\n${'\n'.repeat(MAX_BLANK_LINES + 1)}dog\tchien\n`
    expect(errors(parseImport(text, opts()))).toEqual([
      {
        code: 'tooManyBlankLines',
        params: { max: '50,000' },
        message: 'The file has more than 50,000 empty lines between its rows. Remove the empty lines and try again.',
      },
    ])
    expect(ok(parseImport(`cat\tchat\n${'\n'.repeat(MAX_BLANK_LINES)}dog\tchien\n`, opts())).meta?.rows).toBe(2)
  })

  it('cuts off a flood of rows of separators only (",,,")', () => {
    const text = `cat,chat\n${',,,\n'.repeat(MAX_BLANK_LINES + 1)}dog,chien\n`
    expect(errors(parseImport(text, opts()))[0]).toMatchObject({ code: 'tooManyBlankLines' })
  })
})
