// The layout's fences (eslint.config.js) hold for every way of writing an import: by alias or by
// a relative path.
import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const eslint = new ESLint({ cwd: ROOT })

async function fenced(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => /restricted-imports/.test(m.ruleId ?? '')).map((m) => m.message)
}

describe('lint fences', { timeout: 60_000 }, () => {
  it('keep the domain pure, whether an import uses the alias or a relative path', async () => {
    for (const spec of ['@/db/api', '../../db/api', '../../stores/session', 'dexie', 'vue', '../../components/quiz/QuizFeedback.vue']) {
      expect(await fenced('src/domain/content/x.ts', `import { a } from '${spec}'\nexport const b = a\n`), spec).not.toEqual([])
    }
    expect(await fenced('src/domain/content/x.ts', `import { a } from './normalize'\nexport const b = a\n`)).toEqual([])
  })

  it('keep components and views away from the database, type imports aside', async () => {
    const file = 'src/components/quiz/X.vue'
    const sfc = (line: string) => `<script setup lang="ts">\n${line}\nconsole.log(a)\n</script>\n<template><p /></template>\n`
    expect(await fenced(file, sfc(`import { a } from '../../db/api'`))).not.toEqual([])
    expect(await fenced(file, sfc(`import { a } from '@/db/api'`))).not.toEqual([])
    expect(await fenced(file, sfc(`import type { a } from '../../db/records'`))).toEqual([])
  })
})
