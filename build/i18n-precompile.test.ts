import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import en from '../src/i18n/en'
import zh from '../src/i18n/zh'
import { messagesModule, precompileMessages, type MessageTree } from './i18n-precompile'

function leaves(tree: MessageTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)))
}

async function load(code: string): Promise<Record<string, unknown>> {
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default: Record<string, unknown> }
  return mod.default
}

/** Renders every message of `source` once from the strings and once from the built module. */
async function renderBoth(source: MessageTree) {
  const built = await load(messagesModule(precompileMessages(source)))
  const fromStrings = createI18n({ legacy: false, locale: 'x', messages: { x: source } }).global
  const fromBuild = createI18n({ legacy: false, locale: 'x', messages: { x: built as MessageTree } }).global
  return leaves(source).map(([key, text]) => {
    // Each placeholder gets a value naming it, so a swapped or dropped one shows.
    const named = Object.fromEntries([...text.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], `<${m[1]}>`]))
    const plural = text.includes('|')
    const render = (t: typeof fromStrings.t) =>
      plural ? [0, 1, 2, 5].map((n) => t(key, n, { named: { ...named, n } })).join(' / ') : t(key, named)
    return { key, strings: render(fromStrings.t), built: render(fromBuild.t) }
  })
}

describe('i18nPrecompile', () => {
  it.each([
    ['zh', zh],
    ['en', en],
  ])('the built %s messages render exactly as the source strings', async (_name, source) => {
    const rows = await renderBoth(source as MessageTree)
    expect(rows.length).toBeGreaterThan(100)
    for (const r of rows) expect(r.built, r.key).toBe(r.strings)
  })

  it('keeps interpolation, plurals, linked messages and literals', async () => {
    const source = {
      greet: 'Hello {name}, {name}!',
      days: '{n} day | {n} days',
      apples: 'no apples | one apple | {count} apples',
      linked: '@:greet (linked)',
      literal: "{'{'}braces{'}'}",
      group: { t: 'a group may have a key named t', b: 'or b' },
    }
    const rows = await renderBoth(source)
    for (const r of rows) expect(r.built, r.key).toBe(r.strings)
    expect(rows.find((r) => r.key === 'days')?.built).toBe('0 days / 1 day / 2 days / 5 days')
    expect(rows.find((r) => r.key === 'group.t')?.built).toBe('a group may have a key named t')
  })

  it('names the message that does not compile', () => {
    expect(() => precompileMessages({ home: { broken: 'Hello {name' } })).toThrow(/home\.broken/)
  })

  it('writes plain text compactly', () => {
    const code = messagesModule(precompileMessages({ a: 'plain', b: 'x {n}' }))
    expect(code).toContain('a":s("plain")')
    expect(code).toContain('"k":"n"')
  })
})
