/**
 * Traditional Chinese characters read as their simplified forms, for the typed-answer grader: a
 * learner who types 千問 or 惡意公關 means 千问 or 恶意公关. The table (traditionalPairs.ts, generated)
 * covers every character of the built-in bank's typed answers and their prompts; an imported set's
 * answers fold where they share them.
 */
import { TRADITIONAL_PAIRS } from './traditionalPairs.ts'

let table: Map<string, string> | null = null

/** The text with each traditional character of the table replaced by its simplified form. */
export function foldTraditional(text: string): string {
  if (table === null) {
    table = new Map()
    const chars = [...TRADITIONAL_PAIRS]
    for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i]!, chars[i + 1]!)
  }
  let out = ''
  for (const ch of text) out += table.get(ch) ?? ch
  return out
}
