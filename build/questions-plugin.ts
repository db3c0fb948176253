/**
 * Vite plugin: `import { loadSet } from 'virtual:question-bank'` gives one validated built-in
 * question set by id (`loadSet(id): Promise<QuestionSet>`); `virtual:question-index` lists the
 * sets (sorted by `order`, then id) with what lists show and their question ids.
 *
 * The bank is validated with the same validateBank as `npm run check:questions`, with the same
 * messages: any problem fails `vite build` (and shows Vite's error overlay in dev). In dev, every
 * change to a questions/*.json file (edit, new file, deleted file) re-validates and reloads.
 *
 * In the browser (dev server and production build alike) the sets are not JavaScript: they are
 * plain JSON files, each an array of whole sets, that `loadSet` fetches when a screen first needs
 * a set's questions. The build writes two (`assets/question-sets-<hash>.json`, precached): the
 * first set in bank order alone, since a first visit's first review starts there, and the rest
 * together, since every file compresses on its own (six files, one per set, were 7.5 KB gzip
 * more than one file, over the precache budget; these two are 1.2 KB more). The dev server
 * serves one set per file under `/question-set/<id>.json`. Unit tests run in Node without a
 * server, so there the module holds the JSON itself.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { normalizePath } from 'vite'
import type { Plugin } from 'vite'
import { formatError, sortSets } from '../src/domain/content/validate.ts'
import { loadBank } from '../scripts/load-questions.ts'

export const QUESTION_BANK_ID = 'virtual:question-bank'
const RESOLVED_ID = `\0${QUESTION_BANK_ID}`
/** What the home screen needs (titles, counts, question ids): small enough for the first load. */
export const QUESTION_INDEX_ID = 'virtual:question-index'
const RESOLVED_INDEX_ID = `\0${QUESTION_INDEX_ID}`

export interface QuestionBankOptions {
  /** The folder of set files, relative to Vite's root. Default: 'questions'. */
  dir?: string
}

/**
 * Loads and validates the bank; returns the module's code or the problems, formatted. The app
 * never reads the article itself: paragraph numbers are bounded by the app's own ARTICLE count,
 * so a clone of this repository alone builds and runs (the article is only for the checks).
 */
export function buildQuestionBank(dir: string): { sets: BuiltSet[]; code: string; indexCode: string; watch: string[] } | { problems: string; watch: string[] } {
  const { files, sets, errors } = loadBank(dir, null)
  const watch = files.map((f) => f.path)
  if (errors.length > 0) {
    const broken = new Set(errors.map((e) => e.file)).size
    const head = `question bank: ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${broken} file${broken === 1 ? '' : 's'} (npm run check:questions)`
    return { problems: [head, ...errors.map(formatError)].join('\n'), watch }
  }
  if (sets.length === 0) return { problems: `question bank: no question sets in ${dir}`, watch }
  const sorted = sortSets(sets)
  // JSON.parse of a string literal is faster to load than the same data as an object literal.
  const code = `const sets = JSON.parse(${JSON.stringify(JSON.stringify(sorted))})
export function loadSet(id) {
  const set = sets.find((s) => s.id === id)
  return set ? Promise.resolve(set) : Promise.reject(new Error(\`question bank: no built-in set "\${id}"\`))
}
`
  const index = sorted.map((s) => {
    const typeCounts: Record<string, number> = {}
    for (const q of s.questions) typeCounts[q.type] = (typeCounts[q.type] ?? 0) + 1
    return {
      id: s.id,
      title: s.title,
      ...(s.description ? { description: s.description } : {}),
      questions: s.questions.map((q) => q.id),
      typeCounts,
    }
  })
  return {
    sets: sorted.map((s) => ({ id: s.id, set: s })),
    code,
    indexCode: `export default ${JSON.stringify(index)}\n`,
    watch,
  }
}

/** One validated built-in set. */
export interface BuiltSet {
  id: string
  set: unknown
}

/** The build's files, each an array of sets in bank order: the first set alone, then the rest. */
export function fileGroups<T>(sets: readonly T[]): T[][] {
  return [sets.slice(0, 1), sets.slice(1)].filter((group) => group.length > 0)
}

/** A file's name in the build, named by its content so a changed bank is a new URL. */
export function setsFileName(json: string): string {
  const hash = createHash('sha256').update(json).digest('base64url').slice(0, 10)
  return `assets/question-sets-${hash}.json`
}

/**
 * The browser's module: `loadSet(id)` fetches the file holding that set (once; from the service
 * worker's cache once installed) and gives the set. An unknown id, or a missing file (with its
 * status and URL), rejects; a failed fetch is tried again at the next call.
 */
export function fetchedBankModule(urls: Record<string, string>): string {
  return `const urls = ${JSON.stringify(urls)}
const files = new Map()
function loadFile(url) {
  let file = files.get(url)
  if (!file) {
    file = fetch(url).then((response) => {
      if (!response.ok) throw new Error(\`question bank: \${response.status} for \${url}\`)
      return response.json()
    })
    file.catch(() => files.delete(url))
    files.set(url, file)
  }
  return file
}
export async function loadSet(id) {
  const url = urls[id]
  if (url === undefined) throw new Error(\`question bank: no built-in set "\${id}"\`)
  const set = (await loadFile(url)).find((s) => s.id === id)
  if (!set) throw new Error(\`question bank: no set "\${id}" in \${url}\`)
  return set
}
`
}

/** Where the dev server serves each set's JSON (`<id>.json`), under the app's base. */
export const DEV_SET_PATH = 'question-set/'

export function questionBank(options: QuestionBankOptions = {}): Plugin {
  let dir = ''
  let base = '/'
  let isBuild = false
  let isTest = false
  const isSetFile = (file: string): boolean => {
    const f = normalizePath(file)
    return f.startsWith(`${normalizePath(dir)}/`) && f.endsWith('.json') && !f.endsWith('.schema.json')
  }

  return {
    name: 'question-bank',
    configResolved(config) {
      dir = resolve(config.root, options.dir ?? 'questions')
      base = config.base
      isBuild = config.command === 'build'
      isTest = config.mode === 'test'
    },
    configureServer(server) {
      // Watch the folder itself so new set files are seen (addWatchFile only knows existing ones).
      server.watcher.add(dir)
      server.middlewares.use(`${base}${DEV_SET_PATH}`, (req, res, next) => {
        const id = decodeURIComponent((req.url ?? '').replace(/^\//, '').replace(/\?.*$/, '')).replace(/\.json$/, '')
        const result = buildQuestionBank(dir)
        if ('problems' in result) {
          res.statusCode = 500
          res.setHeader('Content-Type', 'text/plain; charset=utf-8')
          res.end(result.problems)
          return
        }
        const set = result.sets.find((s) => s.id === id)
        if (!set) return next()
        res.setHeader('Content-Type', 'application/json')
        res.end(JSON.stringify([set.set]))
      })
    },
    resolveId(id) {
      if (id === QUESTION_BANK_ID) return RESOLVED_ID
      if (id === QUESTION_INDEX_ID) return RESOLVED_INDEX_ID
      return undefined
    },
    load(id) {
      if (id !== RESOLVED_ID && id !== RESOLVED_INDEX_ID) return undefined
      const result = buildQuestionBank(dir)
      for (const file of result.watch) this.addWatchFile(file)
      if ('problems' in result) return this.error(result.problems)
      if (id === RESOLVED_INDEX_ID) return result.indexCode
      if (isTest) return result.code
      const urls: Record<string, string> = {}
      if (!isBuild) {
        for (const { id } of result.sets) urls[id] = `${base}${DEV_SET_PATH}${encodeURIComponent(id)}.json`
        return fetchedBankModule(urls)
      }
      for (const group of fileGroups(result.sets)) {
        const json = JSON.stringify(group.map((s) => s.set))
        const fileName = setsFileName(json)
        this.emitFile({ type: 'asset', fileName, source: json })
        for (const { id } of group) urls[id] = `${base}${fileName}`
      }
      return fetchedBankModule(urls)
    },
    // Dev: any set file created, edited or deleted → drop the cached bank and reload the page,
    // which loads (and so re-validates) it again. Also covers a bank that failed to load.
    hotUpdate({ file }) {
      if (!isSetFile(file)) return undefined
      const graph = this.environment.moduleGraph
      for (const id of [RESOLVED_ID, RESOLVED_INDEX_ID]) {
        const mod = graph.getModuleById(id)
        if (mod) graph.invalidateModule(mod)
      }
      if (this.environment.name === 'client') this.environment.hot.send({ type: 'full-reload' })
      return []
    },
  }
}

