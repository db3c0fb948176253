/**
 * Editorial rules of the question bank, checked by `npm run check:questions` on top of the
 * schema and validation rules:
 * - Chinese typography: zh strings and evidence quotes use full-width punctuation (，。？：；！（）);
 *   a comma or colon between two digits (10,000,000) is a number, not punctuation.
 * - True/false balance: in each set, between 35 % and 65 % of the true/false answers are "true",
 *   so that always answering one way does not pass.
 * - Glossary (questions/GLOSSARY.md): one English rendering per heading and key term. When a
 *   question's Chinese text names a term, its English text uses that term's rendering.
 * Pure functions; the messages read like validate.ts's: `file › question id › path: problem`.
 */
import type { Localized, Question, QuestionSet } from '../src/domain/content/schema'
import type { ContentError } from '../src/domain/content/validate'

// ---------------------------------------------------------------------------------------------
// Chinese punctuation

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' }
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'
const isHan = (c: string | undefined): boolean => c !== undefined && /\p{Script=Han}/u.test(c)

/** The half-width punctuation marks of a Chinese string, each with its index and the mark to use. */
export function halfWidthMarks(text: string): { index: number; mark: string; use: string }[] {
  const found: { index: number; mark: string; use: string }[] = []
  for (let i = 0; i < text.length; i++) {
    const mark = text[i] as string
    const prev = text[i - 1]
    const next = text[i + 1]
    const use = HALF_TO_FULL[mark]
    if (use !== undefined) {
      if ((mark === ',' || mark === ':') && isDigit(prev) && isDigit(next)) continue
      found.push({ index: i, mark, use })
    } else if (mark === '.' && isHan(prev)) found.push({ index: i, mark, use: '。' })
  }
  return found
}

type Segment = string | number
const pathOf = (segments: readonly Segment[]): string =>
  segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')

/** Every Chinese string of a node: the `zh` of each {zh, en} pair, and every `quote`. */
function* chineseStrings(node: unknown, at: Segment[] = []): Generator<[Segment[], string]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* chineseStrings(item, [...at, i])
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'zh' || key === 'quote') && typeof value === 'string') yield [[...at, key], value]
      else if (key === 'quote' && Array.isArray(value)) {
        for (const [i, q] of value.entries()) if (typeof q === 'string') yield [[...at, key, i], q]
      } else if (key !== 'accepted') yield* chineseStrings(value, [...at, key])
    }
  }
}

export function punctuationProblems(set: QuestionSet, file: string): ContentError[] {
  const errors: ContentError[] = []
  const report = (questionId: string | undefined, at: Segment[], text: string): void => {
    const marks = halfWidthMarks(text)
    if (marks.length === 0) return
    const list = [...new Set(marks.map((m) => `"${m.mark}" → "${m.use}"`))].join(', ')
    const first = marks[0] as { index: number }
    const near = text.slice(Math.max(0, first.index - 8), first.index + 8)
    errors.push({
      file,
      ...(questionId === undefined ? {} : { questionId }),
      path: pathOf(at),
      message: `Chinese text takes full-width punctuation: ${list} (first near "${near}")`,
    })
  }
  const { questions, ...rest } = set
  for (const [at, text] of chineseStrings(rest)) report(undefined, at, text)
  for (const q of questions) for (const [at, text] of chineseStrings(q)) report(q.id, at, text)
  return errors
}

// ---------------------------------------------------------------------------------------------
// True/false balance

export const TRUE_SHARE = { min: 0.35, max: 0.65 } as const

export function trueFalseProblems(set: QuestionSet, file: string, share = TRUE_SHARE): ContentError[] {
  const answers = set.questions.flatMap((q) => (q.type === 'truefalse' ? [q.answer] : []))
  if (answers.length === 0) return []
  const yes = answers.filter(Boolean).length
  const ratio = yes / answers.length
  if (ratio >= share.min - 1e-9 && ratio <= share.max + 1e-9) return []
  const pct = (x: number): string => `${Math.round(x * 100)} %`
  const need = ratio < share.min ? 'recast some false statements as true ones' : 'recast some true statements as false ones'
  return [
    {
      file,
      path: 'questions',
      message: `${yes} of ${answers.length} true/false answers are "true" (${pct(ratio)}); keep it between ${pct(share.min)} and ${pct(share.max)}: ${need}`,
    },
  ]
}

// ---------------------------------------------------------------------------------------------
// Glossary

export interface GlossaryTerm {
  zh: string
  en: string
  /** 1-based line in GLOSSARY.md, for messages. */
  line: number
}

/**
 * The terms of GLOSSARY.md: every row of its tables whose first two cells are the Chinese term
 * and its English rendering (header and separator rows are skipped; `code` marks are dropped).
 * Problems (a row without both cells, a Chinese term listed twice) are returned as messages.
 */
export function parseGlossary(markdown: string): { terms: GlossaryTerm[]; problems: string[] } {
  const terms: GlossaryTerm[] = []
  const problems: string[] = []
  const seen = new Map<string, number>()
  let inTable = false
  for (const [i, raw] of markdown.split(/\r?\n/).entries()) {
    const line = raw.trim()
    if (!line.startsWith('|')) {
      inTable = false
      continue
    }
    const cells = line
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim().replace(/`/g, ''))
    if (!inTable) {
      inTable = true // the header row
      continue
    }
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue
    const [zh = '', en = ''] = cells
    if (zh === '' || en === '') {
      problems.push(`line ${i + 1}: a row needs the Chinese term and its English rendering`)
      continue
    }
    const key = foldZh(zh)
    const before = seen.get(key)
    if (before !== undefined) {
      problems.push(`line ${i + 1}: "${zh}" is already listed on line ${before}`)
      continue
    }
    seen.set(key, i + 1)
    terms.push({ zh, en, line: i + 1 })
  }
  return { terms, problems }
}

/** Chinese side: NFKC, lowercase, without white space, punctuation or quote marks. */
export function foldZh(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
}

/** English side: NFKC, lowercase, every run of non-letters/digits (hyphens, quotes, ’s) as one space. */
export function foldEn(text: string): string {
  return ` ${text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `
}

/** Whether folded English text uses a rendering: at a word start, its last word maybe plural. */
export function usesRendering(foldedText: string, rendering: string): boolean {
  const term = foldEn(rendering).trim()
  if (term === '') return true
  const at = (t: string): boolean => foldedText.includes(` ${t}`)
  return at(term) || (term.endsWith('s') && at(term.slice(0, -1)))
}

/** The {zh, en} texts a question shows: prompt, explanation, choices, items, pairs, answer, back, unit. */
function questionTexts(q: Question): Localized[] {
  const texts: Localized[] = [q.prompt, q.explanation]
  switch (q.type) {
    case 'single':
    case 'multiple':
      texts.push(...q.choices.map((c) => c.text))
      break
    case 'ordering':
      texts.push(...q.items.map((c) => c.text))
      break
    case 'matching':
      for (const p of q.pairs) texts.push(p.left, p.right)
      break
    case 'blank':
      texts.push(q.answer)
      break
    case 'numeric':
      if (q.unit) texts.push(q.unit)
      break
    case 'flashcard':
      texts.push(q.back)
      break
    case 'truefalse':
      break
  }
  return texts
}

/**
 * A term's Chinese in a question implies its English rendering in that question's English text;
 * the set's title, description and each key point are checked on their own.
 * Longer terms are checked first, and a term inside a longer term found in the same text
 * (平视 inside 平视时刻) is still checked: both renderings must appear.
 */
export function glossaryProblems(set: QuestionSet, file: string, terms: readonly GlossaryTerm[]): ContentError[] {
  const errors: ContentError[] = []
  const check = (texts: readonly Localized[], questionId: string | undefined, path: string): void => {
    const zh = foldZh(texts.map((t) => t.zh).join('|'))
    const en = foldEn(texts.map((t) => t.en).join(' | '))
    for (const term of terms) {
      if (!zh.includes(foldZh(term.zh))) continue
      if (usesRendering(en, term.en)) continue
      errors.push({
        file,
        ...(questionId === undefined ? {} : { questionId }),
        path,
        message: `the Chinese names "${term.zh}"; the English should use the glossary's "${term.en}" (questions/GLOSSARY.md, line ${term.line})`,
      })
    }
  }
  check([set.title], undefined, 'title')
  if (set.description) check([set.description], undefined, 'description')
  set.keyPoints.forEach((kp, i) => check([kp], undefined, `keyPoints[${i}]`))
  for (const q of set.questions) check(questionTexts(q), q.id, '')
  return errors
}

/** Every editorial problem of the bank, set by set. `fileOf` gives a set's file. */
export function editorialProblems(
  sets: readonly QuestionSet[],
  fileOf: (setId: string) => string,
  glossary: readonly GlossaryTerm[],
): ContentError[] {
  return sets.flatMap((set) => {
    const file = fileOf(set.id)
    return [...punctuationProblems(set, file), ...trueFalseProblems(set, file), ...glossaryProblems(set, file, glossary)]
  })
}
