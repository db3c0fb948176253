/**
 * `npm run probe:answers [-- list.json] [--bank dir]`: grades a list of realistic typed answers with the app's own
 * checker and prints how many are graded as a careful reader would grade them, then every miss.
 * The default list is tests/fixtures/typed-answers.json; each entry reads
 * `{ "set": "figures", "id": "<question id>", "lang": "zh" | "en", "typed": "...", "expected": "right" | "wrong" }`.
 * Entries whose question is not in the bank (or is not a blank or numeric question) are listed apart
 * and left out of the figure. `--bank dir` grades against another copy of the bank (say, an older one
 * checked out to compare). Exit 1 only when the list or the bank cannot be read.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { checkAnswer } from '../src/domain/content/answer'
import type { Question, QuestionSet } from '../src/domain/content/schema'
import { formatError } from '../src/domain/content/validate'
import { loadBank } from './load-questions'

export interface TypedAnswer {
  set: string
  id: string
  lang: 'zh' | 'en'
  typed: string
  expected: 'right' | 'wrong'
}

export interface ProbeMiss extends TypedAnswer {
  /** What the checker said: the opposite of `expected`. */
  graded: 'right' | 'wrong'
}

export interface ProbeResult {
  /** Entries graded as expected. */
  asExpected: number
  /** Entries graded (their question is a blank or numeric question of the bank). */
  graded: number
  misses: ProbeMiss[]
  /** Entries whose question is missing from the bank or does not take a typed answer. */
  skipped: { entry: TypedAnswer; reason: string }[]
}

export const DEFAULT_LIST = fileURLToPath(new URL('../tests/fixtures/typed-answers.json', import.meta.url))

/** Reads a list, saying which entry is malformed and why. */
export function parseTypedAnswers(json: string, label: string): TypedAnswer[] {
  const data: unknown = JSON.parse(json)
  if (!Array.isArray(data)) throw new Error(`${label}: expected a JSON array of entries`)
  return data.map((raw: unknown, i) => {
    const e = raw as Partial<Record<keyof TypedAnswer, unknown>> | null
    const problem =
      !e || typeof e !== 'object'
        ? 'is not an object'
        : typeof e.set !== 'string' || typeof e.id !== 'string'
          ? 'needs "set" and "id" strings'
          : e.lang !== 'zh' && e.lang !== 'en'
            ? '"lang" must be "zh" or "en"'
            : typeof e.typed !== 'string'
              ? '"typed" must be a string'
              : e.expected !== 'right' && e.expected !== 'wrong'
                ? '"expected" must be "right" or "wrong"'
                : null
    if (problem) throw new Error(`${label}: entry ${i} ${problem}`)
    return e as TypedAnswer
  })
}

/** Grades every entry against the bank with `checkAnswer`. */
export function probeTypedAnswers(sets: readonly QuestionSet[], entries: readonly TypedAnswer[]): ProbeResult {
  const questions = new Map<string, { set: string; question: Question }>()
  for (const set of sets) for (const question of set.questions) questions.set(question.id, { set: set.id, question })
  const result: ProbeResult = { asExpected: 0, graded: 0, misses: [], skipped: [] }
  for (const entry of entries) {
    const found = questions.get(entry.id)
    if (!found) {
      result.skipped.push({ entry, reason: 'no such question in the bank' })
      continue
    }
    const { question } = found
    if (found.set !== entry.set) {
      result.skipped.push({ entry, reason: `the question is in set "${found.set}"` })
      continue
    }
    if (question.type !== 'blank' && question.type !== 'numeric') {
      result.skipped.push({ entry, reason: `a ${question.type} question takes no typed answer` })
      continue
    }
    const { correct } = checkAnswer(question, { type: question.type, text: entry.typed })
    const graded = correct ? 'right' : 'wrong'
    result.graded++
    if (graded === entry.expected) result.asExpected++
    else result.misses.push({ ...entry, graded })
  }
  return result
}

/** The report printed by the command: the figure, then one line per miss and per skipped entry. */
export function formatProbe(result: ProbeResult): string[] {
  const lines = [`${result.asExpected} of ${result.graded} graded as expected`]
  const falseWrong = result.misses.filter((m) => m.expected === 'right')
  const falseRight = result.misses.filter((m) => m.expected === 'wrong')
  if (falseWrong.length > 0) {
    lines.push(`right answers graded wrong (${falseWrong.length}):`)
    for (const m of falseWrong) lines.push(`  ${m.id} [${m.lang}] ${JSON.stringify(m.typed)}`)
  }
  if (falseRight.length > 0) {
    lines.push(`wrong answers graded right (${falseRight.length}):`)
    for (const m of falseRight) lines.push(`  ${m.id} [${m.lang}] ${JSON.stringify(m.typed)}`)
  }
  if (result.skipped.length > 0) {
    lines.push(`not graded (${result.skipped.length}):`)
    for (const { entry, reason } of result.skipped) lines.push(`  ${entry.id} [${entry.lang}] ${JSON.stringify(entry.typed)}: ${reason}`)
  }
  return lines
}

function main(): void {
  const args = process.argv.slice(2)
  const at = args.indexOf('--bank')
  const bankDir = at >= 0 ? args[at + 1] : undefined
  if (at >= 0 && bankDir === undefined) {
    console.error('probe: --bank needs a folder of question sets')
    process.exit(1)
  }
  const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args
  const path = resolve(rest[0] ?? DEFAULT_LIST)
  const { sets, errors } = bankDir === undefined ? loadBank() : loadBank(resolve(bankDir))
  if (errors.length > 0) {
    for (const e of errors) console.error(formatError(e))
    console.error('probe: the bank has problems; fix them first (npm run check:questions)')
    process.exit(1)
  }
  let entries: TypedAnswer[]
  try {
    entries = parseTypedAnswers(readFileSync(path, 'utf8'), path)
  } catch (e) {
    console.error(`probe: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  }
  for (const line of formatProbe(probeTypedAnswers(sets, entries))) console.log(line)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main()
