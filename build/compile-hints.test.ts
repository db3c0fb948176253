import { describe, expect, it } from 'vitest'
import { COMPILE_HINT, startupChunks, withCompileHint, type ChunkInfo } from './compile-hints'

const chunk = (fileName: string, name: string, imports: string[] = [], isEntry = false): ChunkInfo => ({ type: 'chunk', fileName, name, imports, isEntry })

const bundle: Record<string, ChunkInfo> = {
  'index.js': chunk('index.js', 'index', ['vue.js', 'home.js'], true),
  'vue.js': chunk('vue.js', 'vue'),
  'home.js': chunk('home.js', 'home', ['vue.js', 'shared.js']),
  'shared.js': chunk('shared.js', 'shared'),
  'stats.js': chunk('stats.js', 'stats', ['vue.js', 'charts.js']),
  'charts.js': chunk('charts.js', 'charts'),
  'database.js': chunk('database.js', 'database', ['shared.js']),
  'style.css': { type: 'asset', fileName: 'style.css' },
}

describe('startupChunks', () => {
  it('takes the entry and what it imports statically, transitively, and not later screens', () => {
    expect([...startupChunks(bundle)].sort()).toEqual(['home.js', 'index.js', 'shared.js', 'vue.js'])
  })

  it('adds chunks named by the pattern, with their imports', () => {
    expect([...startupChunks(bundle, /^database$/)].sort()).toEqual(['database.js', 'home.js', 'index.js', 'shared.js', 'vue.js'])
  })

  it('ignores assets and imports of files not in the bundle', () => {
    const odd = { 'index.js': chunk('index.js', 'index', ['missing.js', 'style.css'], true), 'style.css': bundle['style.css']! }
    expect([...startupChunks(odd)]).toEqual(['index.js'])
  })
})

describe('withCompileHint', () => {
  it('puts the hint on the first line once', () => {
    const once = withCompileHint('export const a = 1\n')
    expect(once).toBe(`${COMPILE_HINT}export const a = 1\n`)
    expect(once.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad')
    expect(withCompileHint(once)).toBe(once)
  })
})
