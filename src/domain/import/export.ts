/**
 * Sets out of the app: the app's own JSON, or term–definition pairs as TSV that Anki and
 * Quizlet import as they are.
 */
import { describeCorrect, pick, type Lang } from '@/domain/content/describe'
import type { QuestionSet } from '@/domain/content/schema'
import { guardFormula } from './formula'

/** The set in the app's format, pretty-printed; parseImport reads it back. */
export function exportSetJson(set: QuestionSet): string {
  return `${JSON.stringify(set, null, 2)}\n`
}

/**
 * The term–definition pair of every question that has a natural one, in `lang`, each pair once.
 * A pair that is another one reversed (the typed-answer twin of a flashcard) is left out, so a
 * set imported from a TSV exports the same rows.
 */
export function naturalPairs(set: QuestionSet, lang: Lang): [string, string][] {
  const out: [string, string][] = []
  const seen = new Set<string>()
  const add = (term: string, definition: string): void => {
    const key = JSON.stringify([term, definition])
    if (seen.has(key) || seen.has(JSON.stringify([definition, term]))) return
    seen.add(key)
    out.push([term, definition])
  }
  for (const q of set.questions) {
    switch (q.type) {
      case 'flashcard':
        add(pick(q.prompt, lang), pick(q.back, lang))
        break
      case 'blank':
      case 'single':
      case 'truefalse':
      case 'numeric':
        add(pick(q.prompt, lang), describeCorrect(q, lang))
        break
      case 'matching':
        for (const p of q.pairs) add(pick(p.left, lang), pick(p.right, lang))
        break
      case 'multiple':
      case 'ordering':
        // No single definition to pair with the prompt.
        break
    }
  }
  return out
}

/**
 * One TSV field as Anki reads it: quoted when it holds a tab, a line break or a quote (quotes
 * doubled), or starts with "#" (which Anki would take for a header line at the top). Line
 * breaks are written as \n, as the importer reads them. A field a spreadsheet would run as a
 * formula is written behind an apostrophe (formula.ts).
 */
export function tsvField(text: string): string {
  const plain = guardFormula(text.replace(/\r\n?/g, '\n'))
  return /[\t\n"]/.test(plain) || plain.startsWith('#') ? `"${plain.replace(/"/g, '""')}"` : plain
}

/** `#separator:tab` + `#html:false`, then term<TAB>definition per natural pair. */
export function exportSetTsv(set: QuestionSet, lang: Lang = 'zh'): string {
  const lines = ['#separator:tab', '#html:false']
  for (const [term, definition] of naturalPairs(set, lang)) lines.push(`${tsvField(term)}\t${tsvField(definition)}`)
  return `${lines.join('\n')}\n`
}
