import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { foldTraditional } from '../src/domain/content/traditional'
import { normalizeText } from '../src/domain/content/normalForm'
import { loadBank } from './load-questions'
import { blankCharacters, traditionalModule, traditionalPairs } from './traditional-table'

const TARGET = fileURLToPath(new URL('../src/domain/content/traditionalPairs.ts', import.meta.url))

describe('the traditional → simplified table', () => {
  const { sets } = loadBank(undefined, null)
  const chars = blankCharacters(sets)

  it('matches the committed src/domain/content/traditionalPairs.ts (else: npm run traditional:questions)', () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(traditionalModule(traditionalPairs(chars)))
  })

  it('folds every typed answer of the bank, written in traditional characters, back to itself', () => {
    // Traditional forms made the table's own way round: each simplified character's first traditional one.
    const toTraditional = new Map<string, string>()
    const pairs = [...traditionalPairs(chars)]
    for (let i = 0; i < pairs.length; i += 2) if (!toTraditional.has(pairs[i + 1]!)) toTraditional.set(pairs[i + 1]!, pairs[i]!)
    let changed = 0
    for (const set of sets)
      for (const q of set.questions) {
        if (q.type !== 'blank') continue
        for (const form of [q.answer.zh, ...(q.accepted ?? [])]) {
          const traditional = [...form].map((ch) => toTraditional.get(ch) ?? ch).join('')
          if (traditional !== form) changed++
          expect(foldTraditional(normalizeText(traditional))).toBe(normalizeText(form))
        }
      }
    expect(changed).toBeGreaterThan(20)
  })

  it('leaves a character that is also simplified alone, and text without the table’s characters unchanged', () => {
    expect(traditionalPairs(new Set(['干', '乾']))).not.toContain('乾')
    expect(foldTraditional('Qwen 3，开源')).toBe('Qwen 3，开源')
    expect(foldTraditional('通義千問')).toBe('通义千问')
  })
})
