import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportProgress } from '../src/db/backup'
import type { StudyDB } from '../src/db/database'
import { recordAnswer, regradeAnswer } from '../src/db/progress'
import { DEFAULT_SETTINGS } from '../src/db/records'
import { freshDB, MIN, T0 } from '../src/db/test-utils'
import { collectOverrides } from '../src/domain/content/overrides'
import type { Response } from '../src/domain/content/response'
import type { BlankQuestion } from '../src/domain/content/schema'
import { loadBank } from './load-questions'
import { main } from './report-overrides'

let db: StudyDB
let dir: string
beforeEach(() => {
  db = freshDB()
  dir = mkdtempSync(join(tmpdir(), 'overrides-'))
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

function run(args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  const code = main(args, { log: (l) => out.push(l), error: (l) => err.push(l) })
  return { code, out, err }
}

let clock = T0
/** A typed answer graded wrong, then "I was right" (or not), the way the quiz screen does it. */
async function answer(questionId: string, setId: string, response: Response, override: boolean): Promise<void> {
  clock += MIN
  const { log } = await recordAnswer(
    db,
    { questionId, setId, mode: 'practice', answer: response, correct: false, grade: 1, durationMs: 4000, now: clock },
    DEFAULT_SETTINGS,
  )
  if (override) await regradeAnswer(db, log.id, 3, clock, DEFAULT_SETTINGS, { correct: true, overridden: true })
}

describe('report:overrides', () => {
  it('lists the overridden typed answers per question from an exported backup, most frequent first', async () => {
    const { sets } = loadBank()
    const set = sets.find((s) => s.questions.some((q) => q.type === 'blank'))!
    const blank = set.questions.find((q): q is BlankQuestion => q.type === 'blank')!
    await answer(blank.id, set.id, { type: 'blank', text: blank.answer.en }, true)
    await answer('gone-question', 'old-set', { type: 'numeric', text: '三百亿' }, true)
    // Spelled two ways that normalise alike: listed once, as "300亿" (a tie goes to the first in code-point order).
    await answer('gone-question', 'old-set', { type: 'numeric', text: '300亿 ' }, true)
    await answer('gone-question', 'old-set', { type: 'numeric', text: '３００亿' }, true)
    await answer('gone-question', 'old-set', { type: 'numeric', text: '三百亿' }, true)
    await answer('gone-question', 'old-set', { type: 'numeric', text: 'no idea' }, false)
    await answer('gone-question', 'old-set', { type: 'skip' }, false)

    const backup = await exportProgress(db, clock)
    // The review log keeps each override: the typed text, the question and the flag.
    expect(backup.reviews.filter((r) => r.overridden).map((r) => r.answer)).toHaveLength(5)
    const file = join(dir, 'backup.json')
    writeFileSync(file, JSON.stringify(backup))

    const { code, out, err } = run([file])
    expect(err).toEqual([])
    expect(code).toBe(0)
    expect(out).toEqual([
      `${file}: 5 overrides of 2 questions`,
      '',
      'gone-question  (set old-set, 4 overrides)',
      '    2×  "300亿"  [question not in the bank]',
      '    2×  "三百亿"  [question not in the bank]',
      `${blank.id}  (set ${set.id}, 1 override)`,
      `    1×  ${JSON.stringify(blank.answer.en)}  [accepted now]`,
    ])

    const json = run([file, '--json'])
    expect(JSON.parse(json.out.join('\n'))).toEqual(
      collectOverrides(backup.reviews, new Map(sets.flatMap((s) => s.questions).map((q) => [q.id, q]))),
    )
  })

  it('says so when there is nothing to report', async () => {
    const file = join(dir, 'empty.json')
    writeFileSync(file, JSON.stringify(await exportProgress(db, T0)))
    expect(run([file])).toEqual({ code: 0, out: [`${file}: no overridden typed answers.`], err: [] })
  })

  it('explains a missing file, a file that is not a backup, and a wrong command line', () => {
    const missing = join(dir, 'nope.json')
    expect(run([missing])).toEqual({
      code: 1,
      out: [],
      err: [`cannot read ${missing}: no such file. Export a backup from the app (Settings → Export) and give its path.`],
    })
    const notJson = join(dir, 'notes.txt')
    writeFileSync(notJson, 'hello')
    const bad = run([notJson])
    expect(bad.code).toBe(1)
    expect(bad.err[0]).toBe(`${notJson} is not a backup file exported by the app:`)
    expect(bad.err[1]).toMatch(/^ {2}not a JSON file: /)
    const other = join(dir, 'other.json')
    writeFileSync(other, JSON.stringify({ format: 'something-else' }))
    expect(run([other]).err).toContain('  not a backup of this app: its format is "something-else"')
    expect(run([])).toEqual({ code: 2, out: [], err: ['give one backup file', 'usage: npm run report:overrides -- <backup.json> [--json]'] })
    expect(run([other, '--csv']).code).toBe(2)
    expect(run([dir]).err[0]).toBe(`cannot read ${dir}: it is a folder. Export a backup from the app (Settings → Export) and give its path.`)
  })
})

describe('collectOverrides', () => {
  const entry = (text: string, overridden = true) => ({ questionId: 'q', setId: 's', overridden, answer: { type: 'blank' as const, text } })
  it('does not depend on the order of the log', () => {
    const log = [entry('３００亿'), entry('300亿'), entry('Nov'), entry('nov.'), entry('nov'), entry('x', false)]
    const expected = [{ questionId: 'q', setId: 's', total: 5, answers: [{ text: 'Nov', count: 3, acceptedNow: null }, { text: '300亿', count: 2, acceptedNow: null }] }]
    expect(collectOverrides(log)).toEqual(expected)
    expect(collectOverrides([...log].reverse())).toEqual(expected)
  })
})
