/**
 * `npm run report:overrides -- backup.json [--json]`: the typed answers learners counted as right
 * with "I was right", per question (question id, set, typed text, count), read from a backup file
 * exported by the app (Settings → Export). Answers the grader accepts today are marked, so what
 * is left is what the bank's accepted forms or the grader may still be missing.
 * Exit 0 with a report, 1 when the file is missing or not a backup, 2 on a usage error.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseBackup } from '../src/domain/backup/format'
import { describeBackupProblem } from '../src/domain/backup/english'
import { collectOverrides, type QuestionOverrides } from '../src/domain/content/overrides'
import type { Question } from '../src/domain/content/schema'
import { loadBank } from './load-questions'

const USAGE = 'usage: npm run report:overrides -- <backup.json> [--json]'

export interface Output {
  log: (line: string) => void
  error: (line: string) => void
}

/** The report as lines of text. */
export function formatReport(file: string, report: readonly QuestionOverrides[]): string[] {
  const total = report.reduce((n, q) => n + q.total, 0)
  if (total === 0) return [`${file}: no overridden typed answers.`]
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const lines = [`${file}: ${plural(total, 'override')} of ${plural(report.length, 'question')}`, '']
  for (const q of report) {
    lines.push(`${q.questionId}  (set ${q.setId}, ${plural(q.total, 'override')})`)
    for (const a of q.answers) {
      const status = a.acceptedNow === null ? '  [question not in the bank]' : a.acceptedNow ? '  [accepted now]' : ''
      lines.push(`  ${String(a.count).padStart(3)}×  ${JSON.stringify(a.text)}${status}`)
    }
  }
  return lines
}

/** Every question of the bank and of the sets imported in the backup, by id. */
function questionsById(imported: readonly { set: { questions: Question[] } }[]): Map<string, Question> {
  const map = new Map<string, Question>()
  for (const { set } of imported) for (const q of set.questions) map.set(q.id, q)
  for (const set of loadBank().sets) for (const q of set.questions) map.set(q.id, q)
  return map
}

export function main(args: readonly string[], out: Output): number {
  const json = args.includes('--json')
  const files = args.filter((a) => a !== '--json')
  const unknown = files.filter((a) => a.startsWith('--'))
  if (files.length !== 1 || unknown.length > 0) {
    out.error(unknown.length > 0 ? `unknown option ${unknown[0]}` : 'give one backup file')
    out.error(USAGE)
    return 2
  }
  const file = files[0]!
  let text: string
  try {
    text = readFileSync(resolve(file), 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message
    out.error(`cannot read ${file}: ${why}. Export a backup from the app (Settings → Export) and give its path.`)
    return 1
  }
  const parsed = parseBackup(text)
  if (!parsed.ok) {
    out.error(`${file} is not a backup file exported by the app:`)
    for (const problem of parsed.problems) out.error(`  ${describeBackupProblem(problem)}`)
    return 1
  }
  const report = collectOverrides(parsed.backup.reviews, questionsById(parsed.backup.importedSets))
  if (json) out.log(JSON.stringify(report, null, 2))
  else for (const line of formatReport(file, report)) out.log(line)
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(main(process.argv.slice(2), { log: console.log, error: console.error }))
}
