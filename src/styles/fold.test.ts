import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const css = readFileSync(new URL('./main.css', import.meta.url), 'utf8')
const src = new URL('..', import.meta.url).pathname

function vueFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? vueFiles(join(dir, e.name)) : e.name.endsWith('.vue') ? [join(dir, e.name)] : [],
  )
}

describe('the fold style: one open/closed marker for every folded explanation', () => {
  it('draws ▸ before a closed summary and ▾ before an open one, hidden from screen readers', () => {
    expect(css).toMatch(/details\.fold > summary::before \{ content: '▸' \/ '';/)
    expect(css).toMatch(/details\.fold\[open\] > summary::before \{ content: '▾' \/ ''; \}/)
  })

  it('is not copied into a component: none draws a marker of its own', () => {
    const copies = vueFiles(src).filter((file) => /summary::before/.test(readFileSync(file, 'utf8')))
    expect(copies).toEqual([])
  })
})
