/**
 * Plain-text renderings of answers, for feedback, results and the mistake notebook.
 * Pure: the caller passes the language.
 */
import type { Localized, Question } from './schema.ts'
import type { Response } from './response.ts'

export type Lang = 'zh' | 'en'

export function pick(text: Localized, lang: Lang): string {
  return text[lang] || text.zh || text.en
}

const TF: Record<Lang, [string, string]> = { zh: ['正确', '错误'], en: ['True', 'False'] }
const SEP: Record<Lang, string> = { zh: '；', en: '; ' }
const ARROW = ' → '

function choiceText(q: Question, id: string, lang: Lang): string {
  if (q.type === 'single' || q.type === 'multiple') {
    const c = q.choices.find((x) => x.id === id)
    return c ? pick(c.text, lang) : id
  }
  if (q.type === 'ordering') {
    const c = q.items.find((x) => x.id === id)
    return c ? pick(c.text, lang) : id
  }
  return id
}

/** The learner's answer as text; '' when nothing was given. */
export function describeResponse(q: Question, r: Response, lang: Lang): string {
  switch (r.type) {
    case 'skip':
      return ''
    case 'single':
      return choiceText(q, r.choice, lang)
    case 'multiple':
      return r.choices.map((id) => choiceText(q, id, lang)).join(SEP[lang])
    case 'truefalse':
      return TF[lang][r.value ? 0 : 1]
    case 'blank':
    case 'numeric':
      return r.text.trim()
    case 'ordering':
      return r.order.map((id) => choiceText(q, id, lang)).join(ARROW)
    case 'matching': {
      if (q.type !== 'matching') return ''
      return q.pairs
        .filter((p) => r.pairs[p.id])
        .map((p) => {
          const right = q.pairs.find((x) => x.id === r.pairs[p.id])
          return `${pick(p.left, lang)}${ARROW}${right ? pick(right.right, lang) : '?'}`
        })
        .join(SEP[lang])
    }
    case 'flashcard':
      return ''
  }
}

/** The correct answer as text. */
export function describeCorrect(q: Question, lang: Lang): string {
  switch (q.type) {
    case 'single':
      return choiceText(q, q.answer, lang)
    case 'multiple':
      return q.answer.map((id) => choiceText(q, id, lang)).join(SEP[lang])
    case 'truefalse':
      return TF[lang][q.answer ? 0 : 1]
    case 'blank':
      return pick(q.answer, lang)
    case 'numeric': {
      // "11 month" is not English: a month of the year reads as its name (Chinese writes 11月).
      if (lang === 'en' && isMonthOfYear(q)) return MONTHS[q.value - 1]!
      const unit = q.unit ? pick(q.unit, lang) : ''
      const value = formatNumber(q.value, lang)
      return unit ? `${value}${lang === 'en' && unit !== '%' ? ' ' : ''}${unit}` : value
    }
    case 'ordering':
      return q.answer.map((id) => choiceText(q, id, lang)).join(ARROW)
    case 'matching':
      return q.pairs.map((p) => `${pick(p.left, lang)}${ARROW}${pick(p.right, lang)}`).join(SEP[lang])
    case 'flashcard':
      return pick(q.back, lang)
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** A numeric answer that is a month of the year: its unit is 月 (or "month") and its value 1 to 12. */
function isMonthOfYear(q: Extract<Question, { type: 'numeric' }>): boolean {
  return !!q.unit && (q.unit.zh.trim() === '月' || /^month$/i.test(q.unit.en.trim())) && Number.isInteger(q.value) && q.value >= 1 && q.value <= 12
}

/** 30000000000 → "300亿" in Chinese, "30 billion" in English; small numbers as they are. */
export function formatNumber(n: number, lang: Lang): string {
  const abs = Math.abs(n)
  const trim = (x: number) => String(Number(x.toPrecision(12)))
  if (lang === 'zh') {
    if (abs >= 1e8) return `${trim(n / 1e8)}亿`
    if (abs >= 1e4 && Number.isInteger(n / 1e4)) return `${trim(n / 1e4)}万`
    return trim(n)
  }
  if (abs >= 1e12) return `${trim(n / 1e12)} trillion`
  if (abs >= 1e9) return `${trim(n / 1e9)} billion`
  if (abs >= 1e6) return `${trim(n / 1e6)} million`
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 })
}
