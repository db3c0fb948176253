import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { lineColumn } from '@/domain/content/validate'
import { applyGrade } from '@/domain/scheduling/fsrs'
import { DEFAULT_SETTINGS, type CardRecord } from '@/domain/scheduling/types'
import type { ImportedSetRecord } from '@/domain/progress/records'
import { findSetConflicts, parseBackup, type ParseBackupResult } from './format'
import { describeBackupProblem } from './english'
import { backupWith, makeCard, makeEntry, makeImportedSet as importedSet } from '@/domain/progress/testing'
import exported from './__fixtures__/backup.json'

const T0 = Date.UTC(2026, 0, 1, 8, 0)

/** The problems of a refused file, in plain English ([] when it was accepted). */
const english = (result: ParseBackupResult): string[] => (result.ok ? [] : result.problems.map(describeBackupProblem))

describe('parseBackup', () => {
  /** A backup as the app exports it (four answers, a finished quiz, settings, an archived question, an imported set). */
  const validText = () => structuredClone(exported) as Record<string, unknown>

  it('names the path of each wrong type', async () => {
    const data = validText()
    const cards = data.cards as Record<string, unknown>[]
    cards.push({ ...cards[0], questionId: 'x' }, { ...cards[0], questionId: 'y' })
    cards[3]!.due = 'tomorrow'
    cards[1]!.state = 7
    ;(data.reviews as Record<string, unknown>[])[0]!.answer = { type: 'single', choice: 3 }
    delete (data.notebook as Record<string, unknown>[])[0]!.setId
    const result = parseBackup(JSON.stringify(data))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(english(result)).toEqual(
      expect.arrayContaining([
        'cards[3].due: expected a number',
        'cards[1].state: expected a state from 0 to 3',
        'reviews[0].answer.choice: expected a string',
        'notebook[0].setId: is missing',
      ]),
    )
    expect(english(result)).toHaveLength(4)
  })

  it('rejects what is not a backup', () => {
    expect(english(parseBackup('not json'))).toEqual([expect.stringMatching(/^not a JSON file/)])
    expect(english(parseBackup('[]'))).toEqual(['(file): expected a backup object'])
    // Another app's file, or a newer version's: one problem, not every field it lacks.
    expect(english(parseBackup(JSON.stringify({ format: 'other', version: 2 })))).toEqual(['not a backup of this app: its format is "other"'])
    expect(english(parseBackup(JSON.stringify({ format: 7 })))).toEqual(['not a backup of this app: its format is 7'])
    expect(english(parseBackup(JSON.stringify({ ...validText(), version: 3 })))).toEqual([
      'written by a newer version of the app (backup format 3; this version reads format 1)',
    ])
    const wrong = parseBackup(JSON.stringify({ format: 'qwen-study-backup', version: '1' }))
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) {
      expect(english(wrong)).toContain('version: expected 1 (a newer app may have written this file)')
      expect(english(wrong)).toContain('cards: is missing')
    }
  })

  it('rejects duplicate keys', async () => {
    const data = validText()
    const reviews = data.reviews as unknown[]
    reviews.push(reviews[0])
    expect(english(parseBackup(JSON.stringify(data)))).toEqual([
      `reviews[${reviews.length - 1}].id: duplicate ${JSON.stringify((reviews[0] as { id: string }).id)}`,
    ])
  })

  it('checks imported sets against the question-set schema', async () => {
    const data = validText()
    ;(data.importedSets as { set: { questions: unknown[] } }[])[0]!.set.questions = []
    const result = parseBackup(JSON.stringify(data))
    expect(english(result)).toEqual(['importedSets[0].set.questions: needs at least one question'])
  })

  it('checks imported sets with the same rules as a set import', async () => {
    const data = validText()
    const set = (data.importedSets as { set: { questions: Record<string, unknown>[] } }[])[0]!.set
    set.questions.push({
      id: 'm2',
      type: 'single',
      prompt: { zh: '选', en: 'Pick' },
      explanation: { zh: '解释', en: 'Because' },
      choices: [
        { id: 'a', text: { zh: '甲', en: 'A' } },
        { id: 'b', text: { zh: '乙', en: 'B' } },
      ],
      answer: 'z',
    })
    const result = parseBackup(JSON.stringify(data))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(english(result)).toHaveLength(1)
    expect(english(result)[0]).toMatch(/^importedSets\[0\]\.set › m2 › answer: /)
  })

  it('refuses two imported sets that share a question id', async () => {
    const data = validText()
    const sets = data.importedSets as Record<string, unknown>[]
    sets.push({ ...sets[0], id: 'other', set: { ...(sets[0]!.set as object), id: 'other' } })
    const result = parseBackup(JSON.stringify(data))
    expect(english(result)).toEqual(['importedSets[1].set › m1: the question id "m1" is also in importedSets[0]'])
  })

  it('drops __proto__ and constructor keys: nothing reaches Object.prototype', async () => {
    expect(parseBackup('{"__proto__": {"polluted": true}}').ok).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()

    const data = validText()
    const text = JSON.stringify(data)
      .replace('"value":{"retention"', '"value":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"retention"')
      .replace('"pairs":{', '"pairs":{"__proto__":"x",')
    const result = parseBackup(text)
    if (!result.ok) throw new Error(english(result).join('\n'))
    // Dropped as the file is read, not merely left out as settings this app does not have.
    expect(result.notes).toEqual([])
    const evil = result.backup.settings.find((s) => s.key === 'settings')
    expect(Object.keys(evil?.value as object)).toEqual(['retention', 'newPerDay', 'maxIntervalDays', 'learningSteps', 'notebookClearStreak'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(evil?.value)).toBe(Object.prototype)
  })

  it('drops them also when a key spells them with escapes', () => {
    const text = JSON.stringify(validText()).replace(
      '"value":{"retention"',
      String.raw`"value":{"\u005f_proto__":{"polluted":true},"constr\u0075ctor":{"polluted":true},"retention"`,
    )
    const result = parseBackup(text)
    if (!result.ok) throw new Error(english(result).join('\n'))
    expect(result.notes).toEqual([])
    const evil = result.backup.settings.find((s) => s.key === 'settings')
    expect(Object.keys(evil?.value as object)).toContain('retention')
    expect(Object.keys(evil?.value as object)).not.toContain('constructor')
    expect(Object.getPrototypeOf(evil?.value)).toBe(Object.prototype)
  })

  it('reads a file whose text merely mentions those names the same as any other', () => {
    const data = validText()
    const sets = data.importedSets as { name: string }[]
    sets[0]!.name = 'a constructor, a prototype and __proto__'
    const result = parseBackup(JSON.stringify(data))
    if (!result.ok) throw new Error(english(result).join('\n'))
    expect(result.backup.importedSets[0]!.name).toBe('a constructor, a prototype and __proto__')
  })
})

describe('parseBackup: files that are not a whole backup', () => {
  const pretty = JSON.stringify(exported, null, 2)
  /** Line and column of `offset` in `text`, 1-based. */
  const at = (text: string, offset: number) => {
    const before = text.slice(0, offset)
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') }
  }
  const problemsOf = (text: string) => {
    const result = parseBackup(text)
    if (result.ok) throw new Error('accepted')
    return result.problems
  }

  it('an empty file, and one that is not JSON at all', () => {
    expect(problemsOf('')).toEqual([{ code: 'empty' }])
    expect(problemsOf(' \n\t')).toEqual([{ code: 'empty' }])
    expect(problemsOf('cat,chat\ndog,chien\n')).toEqual([{ code: 'notJson' }])
  })

  it('a file cut off anywhere says it is incomplete, with the line and column where it stops', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: pretty.length - 1 }), (end) => {
        const text = pretty.slice(0, end)
        fc.pre(text.trim() !== '')
        const stop = text.trimEnd().length
        // The place named is where the text runs out (trailing spaces of the cut are not the file).
        const problems = problemsOf(text)
        expect(problems).toHaveLength(1)
        expect(problems[0]).toMatchObject({ code: 'incomplete' })
        const { line, column } = problems[0] as { line: number; column: number }
        expect(at(text, text.length).line).toBeGreaterThanOrEqual(line)
        expect(line).toBeGreaterThanOrEqual(at(text, stop).line)
        expect(column).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
    const half = pretty.slice(0, Math.floor(pretty.length / 2))
    expect(english(parseBackup(half))).toEqual([
      `the file is incomplete: it ends at line ${at(half, half.length).line}, column ${at(half, half.length).column}, before the backup does (it was probably cut off while saving or copying); export the backup again`,
    ])
  })

  it('a file broken in the middle says where', () => {
    const offset = pretty.indexOf('"cards"')
    const text = `${pretty.slice(0, offset)}'cards'${pretty.slice(offset + 7)}`
    expect(problemsOf(text)).toEqual([
      { code: 'damaged', ...at(text, offset), reason: `expected a property name in double quotes, found "'"` },
    ])
  })

  it('reads a file that starts with a byte order mark', () => {
    expect(parseBackup(`\uFEFF${pretty}`).ok).toBe(true)
  })

  it('a question-set file is named as such, in one problem', () => {
    const set = { id: 's', title: { zh: 't', en: 't' }, keyPoints: [{ zh: 'k', en: 'k' }], questions: [] }
    expect(english(parseBackup(JSON.stringify(set)))).toEqual(['this is a question set, not a backup: import it on the Import screen'])
    // Other JSON without the backup's marker is not a backup, also in one problem.
    expect(problemsOf(JSON.stringify({ questions: [] }))).toEqual([{ code: 'notBackup' }])
    expect(problemsOf('{}')).toEqual([{ code: 'notBackup' }])
  })

  it('a value nested deeper than any backup is refused before it is parsed, with its record and field', () => {
    const base = JSON.stringify(exported)
    const nested = (depth: number, key = '"x"') =>
      base.replace('"settings":[', `"settings":[{"key":${key},"value":${'['.repeat(depth)}${']'.repeat(depth)}},`)
    // The file, its settings list and the setting are three levels: 61 more are allowed.
    expect(parseBackup(nested(61)).ok).toBe(true)
    for (const text of [nested(62), nested(100_000), nested(100_000, '"\\u0078"')]) {
      const problems = problemsOf(text)
      expect(problems).toEqual([{ code: 'tooDeep', path: 'settings[0].value', max: 64, ...at(text, text.indexOf('[[') + 61) }])
    }
    expect(english(parseBackup(nested(62)))[0]).toMatch(/^settings\[0\]\.value: nested more than 64 levels deep \(line 1, column \d+\)/)
    // A bracket inside a string is no nesting.
    expect(parseBackup(base.replace('"settings":[', `"settings":[{"key":"x","value":"${'['.repeat(1000)}"},`)).ok).toBe(true)
  })

  it('the path of a too-deep value follows keys and list positions, escapes read', () => {
    const data = structuredClone(exported) as Record<string, unknown>
    const text = JSON.stringify(data).replace(
      /("reviews":\[\{.*?"answer":)(\{.*?\})/,
      (_, head: string) => `${head}{"type":"matching","pairs":${'{"a":'.repeat(70)}1${'}'.repeat(70)}}`,
    )
    expect(problemsOf(text)[0]).toMatchObject({ code: 'tooDeep', path: 'reviews[0].answer' })
  })
})

describe('parseBackup: values the app could never have written', () => {
  const TIME = 'expected a time in milliseconds from 0 to 8.64e15'
  const STABILITY = 'expected a stability from 0.001 to 36500 (or 0, with difficulty 0, for a card never answered)'
  const DIFFICULTY = 'expected a difficulty from 1 to 10 (or 0, with stability 0, for a card never answered)'
  const review = (overrides: Record<string, unknown> = {}) => ({
    id: 'r1', questionId: 'q1', setId: 'set-a', time: T0, mode: 'review', correct: true, overridden: false,
    answer: { type: 'skip' }, grade: 3, durationMs: 1, cardBefore: null, notebookBefore: null, attemptId: null,
    ...overrides,
  })
  const errorsOf = (data: object): string[] => {
    const result = parseBackup(JSON.stringify(data))
    if (result.ok) throw new Error('accepted')
    return english(result)
  }

  it.each([
    ['a negative stability', { stability: -5 }, [`cards[0].stability: ${STABILITY}`]],
    ['a stability over 36500 days', { stability: 1e6 }, [`cards[0].stability: ${STABILITY}`]],
    ['a difficulty of 1e300', { difficulty: 1e300 }, [`cards[0].difficulty: ${DIFFICULTY}`]],
    ['a difficulty under 1', { difficulty: 0.5 }, [`cards[0].difficulty: ${DIFFICULTY}`]],
    ['a stability of 0 with a difficulty', { stability: 0 }, [`cards[0].stability: ${STABILITY}`]],
    ['a due time past the end of Date', { due: 8.64e15 + 1 }, [`cards[0].due: ${TIME}`]],
    ['a last review past the end of Date', { lastReview: 8.64e15 + 1 }, [`cards[0].lastReview: ${TIME}`]],
    ['a negative due time', { due: -1 }, [`cards[0].due: ${TIME}`]],
    ['negative elapsed days', { elapsedDays: -1 }, ['cards[0].elapsedDays: expected 0 or more']],
    ['negative scheduled days', { scheduledDays: -3 }, ['cards[0].scheduledDays: expected 0 or more']],
    ['reps past the safe integers', { reps: 2 ** 60 }, ['cards[0].reps: expected a whole number']],
  ])('refuses a card with %s, naming the field and what it expects', (_, overrides, expected) => {
    expect(errorsOf(backupWith({ cards: [makeCard(overrides as Partial<CardRecord>)] }))).toEqual(expected)
  })

  it('says what a refused field holds, read from the field even when the rule is on the whole card', () => {
    const problemsOf = (data: object) => {
      const result = parseBackup(JSON.stringify(data))
      return result.ok ? [] : result.problems
    }
    expect(problemsOf(backupWith({ cards: [makeCard({ stability: 0 })] }))).toEqual([
      { code: 'invalid', path: 'cards[0].stability', expected: 'stability', got: '0' },
    ])
    expect(problemsOf({ ...backupWith(), reviews: [review({ time: '1e300' })] })).toEqual([
      { code: 'invalid', path: 'reviews[0].time', expected: 'number', got: '"1e300"' },
    ])
    expect(problemsOf({ ...backupWith(), reviews: [review({ durationMs: [1] })] })).toEqual([
      { code: 'invalid', path: 'reviews[0].durationMs', expected: 'number', got: '[…]' },
    ])
  })

  it('refuses times past the end of Date elsewhere, each with its path', () => {
    expect(errorsOf(backupWith({ notebook: [makeEntry({ lastWrongAt: 8.64e15 + 1 })] }))).toEqual([`notebook[0].lastWrongAt: ${TIME}`])
    expect(errorsOf({ ...backupWith(), reviews: [review({ time: 1e300 })] })).toEqual([`reviews[0].time: ${TIME}`])
    expect(errorsOf({ ...backupWith(), reviews: [review({ durationMs: -1e9 })] })).toEqual(['reviews[0].durationMs: expected 0 or more'])
    expect(errorsOf({ ...backupWith(), reviews: [review({ cardBefore: makeCard({ stability: -1 }) })] })).toEqual([
      `reviews[0].cardBefore.stability: ${STABILITY}`,
    ])
    expect(errorsOf({ ...backupWith(), exportedAt: 9e15 })).toEqual([`exportedAt: ${TIME}`])
  })

  it('accepts the limits themselves, and a card never answered (stability 0, difficulty 0)', () => {
    const cards = [
      makeCard({ questionId: 'a', stability: 0.001, difficulty: 1, due: 0, lastReview: 8.64e15 }),
      makeCard({ questionId: 'b', stability: 36_500, difficulty: 10, due: 8.64e15, lastReview: null }),
      makeCard({ questionId: 'c', stability: 0, difficulty: 0, state: 0, reps: 0, elapsedDays: 0, scheduledDays: 0, lastReview: null }),
    ]
    expect(parseBackup(JSON.stringify(backupWith({ cards }))).ok).toBe(true)
  })

  it('accepts every card the scheduler writes, whatever the answers and their times', () => {
    const answer = fc.record({ grade: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), after: fc.integer({ min: 0, max: 400 * 86_400_000 }) })
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 30 }), (answers) => {
        let now = T0
        let card: CardRecord | null = null
        const cards: CardRecord[] = []
        for (const { grade, after } of answers) {
          now += after
          card = applyGrade(card, `q${cards.length}`, 'set-a', grade, now, DEFAULT_SETTINGS)
          cards.push(card)
        }
        const result = parseBackup(JSON.stringify(backupWith({ cards })))
        if (!result.ok) throw new Error(english(result).join('\n'))
      }),
      { numRuns: 200 },
    )
  })
})

describe('findSetConflicts', () => {
  const builtIn = { setIds: new Set(['figures']), questionIds: new Set(['figures-1', 'figures-2']) }
  const backupOf = (...sets: ImportedSetRecord[]) => backupWith({ importedSets: sets })

  it('finds an imported set that reuses a built-in set id', () => {
    const clash = importedSet({ id: 'figures', set: { ...importedSet().set, id: 'figures' } })
    expect(findSetConflicts(backupOf(clash), builtIn, [])).toEqual([{ index: 0, id: 'figures', name: 'My set', with: 'built-in' }])
  })

  it('finds an imported question that reuses a built-in question id', () => {
    const base = importedSet()
    const clash = importedSet({ set: { ...base.set, questions: [{ ...base.set.questions[0]!, id: 'figures-2' }] } })
    expect(findSetConflicts(backupOf(clash), builtIn, [])).toEqual([{ index: 0, id: 'mine', name: 'My set', with: 'built-in' }])
  })

  it('finds a different set under the id of one already imported here, and lets the same set through', () => {
    const ours = importedSet({ name: 'Ours' })
    expect(findSetConflicts(backupOf(importedSet({ updatedAt: T0 + 1 })), builtIn, [ours])).toEqual([])
    const base = importedSet().set
    const different = importedSet({ set: { ...base, questions: [{ ...base.questions[0]!, prompt: { zh: '别的', en: 'Other' } }] } })
    expect(findSetConflicts(backupOf(different), builtIn, [ours])).toEqual([
      { index: 0, id: 'mine', name: 'My set', with: 'imported', ours: 'Ours' },
    ])
    // Another set here holding one of its question ids is a clash too.
    const holder = importedSet({ id: 'holder', name: 'Holder', set: { ...base, id: 'holder' } })
    expect(findSetConflicts(backupOf(importedSet()), builtIn, [holder])).toEqual([
      { index: 0, id: 'mine', name: 'My set', with: 'imported', ours: 'Holder' },
    ])
  })
})


describe('parseBackup: a key written twice in one object', () => {
  it('refuses it, naming the record, the key and where it is, instead of keeping the last value in silence', () => {
    const text = JSON.stringify(exported, null, 2).replace('"correct": false,', '"correct": true,\n      "correct": false,')
    const result = parseBackup(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toEqual([{ code: 'duplicateKey', path: 'reviews[1].correct', key: '"correct"', ...lineColumn(text, text.indexOf('"correct": false')) }])
    expect(english(result)).toEqual([`reviews[1].correct: the key "correct" appears twice in one object (line ${result.problems[0]!.code === 'duplicateKey' ? result.problems[0]!.line : 0})`])
  })
})

describe('parseBackup: an imported set’s name as the import screen saves one', () => {
  const nameOf = (name: string): string => {
    const data = structuredClone(exported) as { importedSets: { name: string; set: { title: { zh: string; en: string } } }[] }
    data.importedSets[0]!.name = name
    data.importedSets[0]!.set.title = { zh: '我的题', en: 'My set' }
    const result = parseBackup(JSON.stringify(data))
    if (!result.ok) throw new Error(english(result).join('\n'))
    return result.backup.importedSets[0]!.name
  }

  it('drops characters that hide or turn it round and half characters, cuts it to the limit, and takes the title when nothing is left', () => {
    expect(nameOf('evil\u202egpj')).toBe('evilgpj')
    expect(nameOf('Set \ud800')).toBe('Set')
    expect(nameOf('\u200b\u2060')).toBe('我的题')
    expect(nameOf('x'.repeat(201))).toBe(`${'x'.repeat(199)}…`)
    // A name the learner chose stays, even one the import screen would not take as a title.
    expect(nameOf('todo')).toBe('todo')
  })

  it('keeps a name with a joined emoji or a plain direction mark as it is', () => {
    expect(nameOf('👩\u200d💻 集 \u200e')).toBe('👩\u200d💻 集 \u200e')
  })
})
