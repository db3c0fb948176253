/**
 * Anki's cloze deletions: `{{c1::Paris}} is the capital of {{c2::France::country}}`. Anki makes
 * one card per number, the deletions of that number hidden (as `[…]`, or `[hint]`) and the others
 * shown as their text. Read as plain text they would put the markup in every prompt and answer;
 * the importer makes the same cards instead, each a typed question.
 */

const CLOZE_SOURCE = String.raw`\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}`
const CLOZE = new RegExp(CLOZE_SOURCE, 'g')
const HAS_CLOZE = new RegExp(CLOZE_SOURCE)

export interface ClozeCard {
  n: number
  /** The text with this number's deletions hidden. */
  prompt: string
  /** This number's deleted texts, in order (", " between several). */
  answer: string
}

/** Whether a text holds a cloze deletion. */
export function hasCloze(text: string): boolean {
  return HAS_CLOZE.test(text)
}

/** How many cards a text makes: its distinct cloze numbers. */
export function clozeCount(text: string): number {
  return new Set([...text.matchAll(CLOZE)].map((m) => m[1])).size
}

/** The whole text with every deletion shown, and one card per cloze number, in number order. */
export function clozeCards(text: string): { full: string; cards: ClozeCard[] } {
  const deletions = [...text.matchAll(CLOZE)].map((m) => ({ n: Number(m[1]), answer: m[2]!.trim(), hint: m[3]?.trim() }))
  const show = (hidden: number | null): string => {
    let i = 0
    return text.replace(CLOZE, () => {
      const d = deletions[i++]!
      return d.n === hidden ? `[${d.hint || '…'}]` : d.answer
    })
  }
  const numbers = [...new Set(deletions.map((d) => d.n))].sort((a, b) => a - b)
  const cards = numbers.map((n) => ({
    n,
    prompt: show(n),
    answer: [...new Set(deletions.filter((d) => d.n === n).map((d) => d.answer))].join(', '),
  }))
  return { full: show(null), cards }
}
