// Vite loads vite.config.ts and everything it imports before anything else runs. Its native
// config loader (the planned default) needs every relative import in that graph to name its file
// with the extension; an import without one prints a warning on every `vite` and `vitest` start.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const IMPORT = /^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gm

/** Every relative specifier reachable from `entry`, with the file that holds it. */
function relativeImports(entry: string): { file: string; specifier: string }[] {
  const found: { file: string; specifier: string }[] = []
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (!specifier) continue
      found.push({ file: file.slice(ROOT.length), specifier })
      const target = resolve(dirname(file), specifier)
      if (existsSync(target)) visit(target)
    }
  }
  visit(entry)
  return found
}

describe('the config import graph', () => {
  it('names every relative import with its extension', () => {
    const imports = relativeImports(resolve(ROOT, 'vite.config.ts'))
    expect(imports.length).toBeGreaterThan(3)
    const bare = imports.filter(({ specifier }) => !/\.[cm]?[jt]s$/.test(specifier))
    expect(bare).toEqual([])
  })
})
