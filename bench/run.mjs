#!/usr/bin/env node
// `npm run bench`: builds the app (and the bench page), serves the build with `vite preview`, and
// measures the figures of bench/README.md in Debian's Chromium at 1k, 10k and 100k questions /
// log entries. Prints a table and writes bench/results.json (with the run's metadata).
//
//   npm run bench                 full run: 1k, 10k, 100k
//   npm run bench -- --quick      CI: 1k only, fewer runs; never fails on a timing
//   options: --sizes 1000,10000   --runs 7   --lighthouse-runs 3   --profile (CPU profiles of the slowest screens)
//            --skip lighthouse,first-visit,sizes,diagnostics,import,backup (leave those parts out while working on one figure)
//            --port 4185 (the preview server's port; default: BENCH_PORT, else a free one)
//
// Exit code: 0 whenever the harness ran to the end (a missed target is a "fail" row, not a
// crash); 1 when the harness itself broke.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DIST = join(ROOT, 'dist')
const BENCH_DIR = join(DIST, '__bench')
/** Ignored by git: CPU profiles are large and machine-specific. */
const PROFILE_DIR = join(ROOT, 'bench', '.tmp')
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium'
// Without the networking flags Chromium keeps trying connections a closed network refuses.
const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2)
const flag = (name) => argv.includes(`--${name}`)
const option = (name) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  if (i === -1) return undefined
  return argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]
}
const QUICK = flag('quick')
const PROFILE = flag('profile')
const SKIP = new Set((option('skip') ?? '').split(',').filter(Boolean))
const SIZES = (option('sizes') ?? (QUICK ? '1000' : '1000,10000,100000')).split(',').map(Number)
const RUNS = Number(option('runs') ?? (QUICK ? 5 : 7))
/** Lighthouse runs; the one with the median performance score is kept, every score is noted. */
const LH_RUNS = Number(option('lighthouse-runs') ?? (QUICK ? 1 : 3))
/** Questions per import run; each TSV row makes two questions. */
const IMPORT_SIZES = QUICK ? [1000] : [1000, 10000]
const ANSWERS = QUICK ? 40 : 200
const NEXTS = QUICK ? 5 : 15
/** The learner journey: a set of this many questions, imported next to the seeded one; a quiz of JOURNEY_QUIZ of them. */
const JOURNEY_SET = 'journey'
const JOURNEY_QUESTIONS = 1000
const JOURNEY_QUIZ = 20
/** Its figures: `key` is the step's field in journeyFlow's result. */
const JOURNEY = [
  { key: 'total', name: 'learner journey: set of 1,000 → 20-question quiz → results → stats (end to end)' },
  { key: 'openSet', name: 'journey: set card on home → set page shown' },
  { key: 'setup', name: 'journey: set page → quiz setup ready (start enabled)' },
  { key: 'firstQuestion', name: 'journey: start the quiz → first question' },
  { key: 'answers', name: 'journey: answer (don’t know) → feedback, in the quiz' },
  { key: 'nexts', name: 'journey: next → next question, in the quiz' },
  { key: 'results', name: 'journey: last next → results shown' },
  { key: 'stats', name: 'journey: results → stats screen total shown' },
]
const PORT = Number(option('port') ?? process.env.BENCH_PORT ?? 0)

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true'
process.chdir(ROOT)

// ---------------------------------------------------------------------------------------------
// Small helpers

const log = (...a) => console.log('[bench]', ...a)
const sorted = (xs) => [...xs].sort((a, b) => a - b)
function quantile(xs, q) {
  if (xs.length === 0) return null
  const s = sorted(xs)
  // Nearest rank: the p95 of 20 samples is the 19th, never an interpolation between two.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]
}
const median = (xs) => quantile(xs, 0.5)
const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d)
const kb = (bytes) => round(bytes / 1024, 1)
const gz = (file) => gzipSync(readFileSync(file)).length // zlib's default level 6, as servers use
const label = (n) => (n >= 1000 ? `${n / 1000}k` : String(n))

function freePort() {
  if (PORT) return Promise.resolve(PORT)
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => ok(port))
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Results

const results = []
const notes = []
/** Single queries behind the screens' figures (bench page), printed as "where the time goes". */
const diagnostics = []

/**
 * One row. `samples` (ms) give median and p95; `stat` says which one meets the target.
 * pass: true / false against the target, null when there is no target or nothing was measured.
 */
function add({ name, size = null, unit = 'ms', samples, value, p95, baseline = null, baselineIs = null, target = null, relativeTarget = null, stat = 'median', note }) {
  if (samples) {
    value = median(samples)
    p95 = quantile(samples, 0.95)
  }
  const compared = stat === 'p95' ? p95 : value
  const pass = target === null || compared === null || compared === undefined ? null : compared <= target
  const row = {
    name,
    size,
    value: round(value, 2),
    unit,
    p95: round(p95, 2),
    n: samples ? samples.length : 1,
    baseline: round(baseline, 2),
    target,
    stat,
    pass,
  }
  // What the baseline is: the straightforward implementation a developer would write first.
  if (baselineIs) row.baselineIs = baselineIs
  // Set against the 1k figure of the same name once the run is over (relativeTargets).
  if (relativeTarget) row.relativeTarget = relativeTarget
  if (note) row.note = note
  // Every run's figure in the order taken: an outlier can be placed (the first run after a
  // heavy write, say) from results.json alone.
  if (samples) row.samples = samples.map((x) => round(x, 1))
  results.push(row)
  return row
}

function notMeasured(name, size, target, why, unit = 'ms', stat = 'median') {
  results.push({ name, size, value: null, unit, p95: null, n: 0, baseline: null, target, stat, pass: null, note: `not measured: ${why}` })
  log(`${name}${size ? ` @${label(size)}` : ''}: not measured (${why})`)
}

function printTable() {
  const head = ['figure', 'size', 'median', 'p95', 'baseline', 'ratio', 'target', 'pass']
  const fmt = (v, unit) => (v === null || v === undefined ? '—' : `${v}${unit === 'score' ? '' : ` ${unit}`}`)
  const rows = results.map((r) => [
    r.name,
    r.size === null ? '' : label(r.size),
    fmt(r.value, r.unit),
    r.n > 1 ? fmt(r.p95, r.unit) : '',
    fmt(r.baseline, r.unit),
    r.baseline && r.value ? `${round(r.baseline / r.value, 1)}×` : '',
    r.target === null ? '' : `${r.stat === 'min' ? '≥' : '≤'} ${r.target}${r.stat === 'p95' ? ' p95' : ''}`,
    r.pass === null ? (r.note?.startsWith('not measured') ? 'n/a' : '') : r.pass ? 'pass' : 'FAIL',
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |'
  console.log('\n' + line(head))
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|')
  for (const r of rows) console.log(line(r))
  for (const r of results.filter((x) => x.note)) console.log(`  · ${r.name}${r.size ? ` @${label(r.size)}` : ''}: ${r.note}`)
  for (const n of notes) console.log(`  · ${n}`)
  if (diagnostics.length) {
    console.log('\nWhere the time goes (single queries in the bench page, median / p95 ms):')
    const width = Math.max(...diagnostics.map((d) => d.name.length))
    for (const d of diagnostics) console.log(`  ${d.name.padEnd(width)}  @${label(d.size).padEnd(4)} ${String(d.value).padStart(9)} / ${d.p95}`)
  }
}

// ---------------------------------------------------------------------------------------------
// Builds

/**
 * While other screens are still being written, a view or component may import a .vue file that
 * does not exist yet. The build then gets a stand-in for it (and the run says so) instead of
 * failing outright; with every file present this plugin does nothing.
 */
function standInViews(missing) {
  const PREFIX = '\0bench-stand-in:'
  return {
    name: 'bench-stand-in-views',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.endsWith('.vue')) return null
      // '@/x.vue' reaches here already made absolute by the alias.
      const file = source.startsWith(ROOT + '/')
        ? source
        : source.startsWith('.')
          ? resolve(dirname(importer.split('?')[0]), source)
          : null
      if (file === null || existsSync(file)) return null
      missing.add(file.slice(ROOT.length + 1))
      return PREFIX + basename(file)
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null
      const name = id.slice(PREFIX.length)
      return `import { h } from 'vue'\nexport default { name: 'StandIn', render: () => h('p', ${JSON.stringify(`${name} is not built yet`)}) }\n`
    },
  }
}

/** Records, per emitted chunk, its modules and the gzip size of each one's rendered code. */
function chunkReport(chunks) {
  return {
    name: 'bench-chunk-report',
    enforce: 'post',
    generateBundle(_, bundle) {
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue
        const modules = Object.entries(chunk.modules).map(([id, m]) => ({ id, gzip: m.code ? gzipSync(m.code).length : 0 }))
        chunks.set(file, modules)
      }
    },
  }
}

/** node_modules/<package> or the source file: what a reader can act on. */
function owner(id) {
  const clean = id.replace(/^\0/, '').split('?')[0]
  const nm = clean.lastIndexOf('node_modules/')
  if (nm !== -1) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/')
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  return clean.startsWith(ROOT) ? clean.slice(ROOT.length + 1) : clean
}

/**
 * Splits the gzip size of the given files among the packages and source files in them, in
 * proportion to each module's own gzip size (modules compress a little better together).
 */
function attribute(chunks, files) {
  const share = new Map()
  for (const f of files) {
    const modules = chunks.get(f.url.replace(/^\//, '')) ?? []
    const sum = modules.reduce((s, m) => s + m.gzip, 0)
    for (const m of modules) {
      const key = owner(m.id)
      share.set(key, (share.get(key) ?? 0) + (sum ? (m.gzip / sum) * f.gzip : 0))
    }
  }
  return [...share].sort((a, b) => b[1] - a[1])
}

async function builds() {
  const { build } = await import('vite')
  const missing = new Set()
  const chunks = new Map()
  const quiet = { logLevel: 'error', build: { reportCompressedSize: false } }
  let t0 = Date.now()
  log('vite build → dist/')
  await build({
    ...quiet,
    configFile: join(ROOT, 'vite.config.ts'),
    plugins: [standInViews(missing), chunkReport(chunks)],
    // Readable function names in the CPU profiles (sizes are then those of unminified code).
    build: { ...quiet.build, ...(PROFILE ? { minify: false } : {}) },
  })
  if (PROFILE) notes.push('--profile: the app was built unminified, so sizes and timings are not comparable with a normal run')
  log(`  ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  if (missing.size) notes.push(`app built with stand-ins for missing files: ${[...missing].join(', ')} (their figures are not measured)`)

  // The precache list is read before the bench page joins dist/ (it is never precached).
  const precache = precacheSize()

  t0 = Date.now()
  log('vite build bench page → dist/__bench/')
  await build({ configFile: join(ROOT, 'bench/vite.bench.config.ts'), logLevel: 'warn' })
  log(`  ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  return { missing, precache, chunks }
}

function precacheSize() {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8')
  const urls = [...new Set([...sw.matchAll(/url:\s*"([^"]+)"/g)].map((m) => m[1].replace(/^\//, '')))]
  let raw = 0
  let gzip = 0
  for (const u of urls) {
    const file = join(DIST, u)
    raw += statSync(file).size
    gzip += gz(file)
  }
  return { files: urls.length, raw, gzip }
}

// ---------------------------------------------------------------------------------------------
// Server

async function serve() {
  const port = await freePort()
  // A fixed port must be free: otherwise another server (another build) would answer the bench.
  const taken = await fetch(`http://localhost:${port}/`).then(
    () => true,
    () => false,
  )
  if (taken) throw new Error(`port ${port} is in use: stop what listens there or pick another with --port`)
  const child = spawn(join(ROOT, 'node_modules/.bin/vite'), ['preview', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const base = `http://localhost:${port}`
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${output}`)
    try {
      if ((await fetch(base + '/')).ok) return { base, child }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`vite preview did not answer on ${base}: ${output}`)
}

// ---------------------------------------------------------------------------------------------
// In-page timing (the functions run inside Chromium)

/**
 * Clicks `click` and resolves with the ms until `selector` matches an element that was not
 * there before (and passes `textDigits` when given), measured at the next animation frame: the
 * frame that paints it.
 */
function clickUntil({ click, selector, textDigits, timeout }) {
  return new Promise((resolve, reject) => {
    const before = document.querySelector(selector)
    const digits = (el) => (el.textContent ?? '').replace(/\D/g, '')
    const found = () => {
      const el = document.querySelector(selector)
      if (!el || el === before) return false
      return textDigits === undefined || digits(el) === textDigits
    }
    const target = document.querySelector(click)
    if (!target) return reject(new Error(`nothing to click: ${click}`))
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`timeout waiting for ${selector}${textDigits ? ` = ${textDigits}` : ''}`))
    }, timeout)
    const t0 = performance.now()
    const observer = new MutationObserver(() => {
      if (!found()) return
      observer.disconnect()
      clearTimeout(timer)
      requestAnimationFrame(() => resolve(performance.now() - t0))
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
    target.click()
  })
}

/** Waits until the main thread has been idle for ten idle periods in a row, about half a second (start-up queries done). */
function quiet() {
  return new Promise((resolve) => {
    let calm = 0
    const start = performance.now()
    const tick = (deadline) => {
      calm = !deadline.didTimeout && deadline.timeRemaining() >= 40 ? calm + 1 : 0
      if (calm >= 10 || performance.now() - start > 30_000) resolve()
      else requestIdleCallback(tick, { timeout: 1000 })
    }
    requestIdleCallback(tick, { timeout: 1000 })
  })
}

/** Installed before the app's scripts: when the first question appears, from navigation start. */
function recordFirstQuestion() {
  const w = window
  const observer = new MutationObserver(() => {
    if (w.__firstQuestionAt === undefined && document.querySelector('article.question')) {
      w.__firstQuestionAt = null
      observer.disconnect()
      requestAnimationFrame(() => (w.__firstQuestionAt = performance.now()))
    }
  })
  observer.observe(document, { childList: true, subtree: true })
}

/**
 * In the page, home loaded and idle: the learner journey. Opens the set `setId` from its card on
 * home, goes to its quiz setup, starts a quiz of `count` questions, answers each (*Don't know*,
 * then *Next*), sees the results, and opens the stats screen. Each step runs from its click to
 * the frame that paints what it waits for; `total` from the first click to the stats painted.
 */
async function journeyFlow({ setId, count, timeout }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))
  const until = (test, what) =>
    new Promise((resolve, reject) => {
      if (test()) return resolve()
      const timer = setTimeout(() => {
        observer.disconnect()
        reject(new Error(`journey: timeout waiting for ${what}`))
      }, timeout)
      const observer = new MutationObserver(() => {
        if (!test()) return
        observer.disconnect()
        clearTimeout(timer)
        resolve()
      })
      observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['disabled', 'checked'] })
    })
  const click = (selector) => {
    const el = document.querySelector(selector)
    if (!el) throw new Error(`journey: nothing to click: ${selector}`)
    el.click()
  }
  /** Clicks, waits until `test` holds, and gives the ms to the frame that paints it. */
  const step = async (selector, test, what) => {
    const t0 = performance.now()
    click(selector)
    await until(test, what)
    return (await frame()) - t0
  }
  const q = (selector) => document.querySelector(selector)
  const start = performance.now()
  const steps = { answers: [], nexts: [] }
  steps.openSet = await step(`[data-testid="set-card-${setId}"] h2 a`, () => q('[data-testid="set-start-quiz"]') !== null, 'the set page')
  steps.setup = await step(
    '[data-testid="set-start-quiz"]',
    () => q(`[data-testid="setup-set-${setId}"]`)?.checked === true && q('[data-testid="start-quiz"]')?.disabled === false,
    'the quiz setup',
  )
  click(`[data-testid="setup-count-${count}"]`)
  await until(() => q(`[data-testid="setup-count-${count}"]`)?.checked === true, 'the count chosen')
  steps.firstQuestion = await step('[data-testid="start-quiz"]', () => q('article.question') !== null, 'the first question')
  for (let i = 0; i < count; i++) {
    steps.answers.push(await step('[data-testid="dont-know"]', () => q('[data-testid="next"]') !== null, `feedback ${i + 1}`))
    const before = q('article.question')
    const last = i === count - 1
    const t = await step(
      '[data-testid="next"]',
      () => (last ? q('[data-testid="result-score"]') !== null : q('article.question') !== null && q('article.question') !== before),
      last ? 'the results' : `question ${i + 2}`,
    )
    if (last) steps.results = t
    else steps.nexts.push(t)
  }
  steps.results ??= 0
  steps.score = q('[data-testid="result-score"]')?.textContent ?? ''
  steps.stats = await step('header a[href="/stats"]', () => q('[data-testid="total-reviews"]') !== null, 'the stats total')
  steps.total = (await frame()) - start
  return steps
}

// ---------------------------------------------------------------------------------------------
// Browser

async function launch() {
  const { chromium } = await import('@playwright/test')
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS })
  return browser
}

/**
 * A browser with its own profile on disk, so seeded data outlives the browser: a cold load closes
 * it, deletes the HTTP and code caches from the profile, and starts it again.
 */
async function openProfile(dir) {
  const { chromium } = await import('@playwright/test')
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROME,
    args: CHROME_FLAGS,
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
  })
  context.setDefaultTimeout(120_000)
  return context
}

/** The profile's HTTP cache and V8 code cache (Chromium keeps compiled scripts beside the HTTP cache). */
function dropCaches(dir) {
  for (const sub of ['Cache', 'Code Cache', 'GPUCache']) rmSync(join(dir, 'Default', sub), { recursive: true, force: true })
}

/**
 * A context on a new profile on disk, as a learner's browser keeps its database, for the parts that
 * write in bulk: a private window's in-memory IndexedDB writes in bulk up to 7× slower on some
 * Chromium versions (150: 100,000 log entries in about 60 s in memory, 10 s on disk), which is not
 * what an installed app pays. `close` also deletes the profile.
 */
async function diskContext() {
  mkdirSync(PROFILE_DIR, { recursive: true })
  const dir = mkdtempSync(join(PROFILE_DIR, 'profile-'))
  const context = await openProfile(dir)
  const close = context.close.bind(context)
  context.close = async () => {
    await close()
    rmSync(dir, { recursive: true, force: true })
  }
  return context
}

async function newContext(browser, options = {}) {
  // No service worker: every run measures the app's own work the same way, not cache state.
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 }, ...options })
  context.setDefaultTimeout(120_000)
  return context
}

async function benchPage(context, base) {
  const page = await context.newPage()
  page.on('pageerror', (e) => log(`bench page error: ${e.message}`))
  await page.goto(`${base}/__bench/`)
  await page.waitForFunction(() => 'bench' in window)
  // As before every screen figure: the page's own load, and the tab closed just before it,
  // settle first, or their work lands in the first timed calls (record one answer's p95 went
  // from about 7 to 10-16 ms when timed straight after a fresh page load).
  await page.evaluate(quiet)
  return page
}

async function appPage(context) {
  const page = await context.newPage()
  page.on('pageerror', (e) => log(`app page error: ${e.message}`))
  page.on('crash', () => log('app page crashed'))
  await page.addInitScript(recordFirstQuestion)
  return page
}

/**
 * With --profile: a CPU profile of each timed interaction (only the click → render part), self
 * time summed per function over the runs, the top ones printed, the last profile written to
 * bench/.tmp/profile-<name>.cpuprofile (open it in Chromium's DevTools, Performance panel).
 */
async function profiler(page) {
  if (!PROFILE) return { run: (_name, fn) => fn(), report: () => {} }
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  const totals = new Map()
  return {
    async run(name, fn) {
      await cdp.send('Profiler.start')
      try {
        return await fn()
      } finally {
        const { profile } = await cdp.send('Profiler.stop')
        mkdirSync(PROFILE_DIR, { recursive: true })
        writeFileSync(join(PROFILE_DIR, `profile-${name}.cpuprofile`), JSON.stringify(profile))
        const self = totals.get(name) ?? new Map()
        totals.set(name, self)
        const byId = new Map(profile.nodes.map((node) => [node.id, node]))
        profile.samples.forEach((id, i) => {
          const f = byId.get(id).callFrame
          const key = `${f.functionName || '(anonymous)'}  ${basename(f.url) || ''}${f.url ? `:${f.lineNumber + 1}` : ''}`
          self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
        })
      }
    },
    report() {
      for (const [name, self] of totals) {
        const busy = [...self].filter(([k]) => !k.startsWith('(idle)'))
        const total = busy.reduce((s, [, ms]) => s + ms, 0)
        log(`profile ${name}: ${total.toFixed(0)} ms busy over all runs; top self time:`)
        for (const [k, ms] of busy.sort((a, b) => b[1] - a[1]).slice(0, 14)) log(`  ${ms.toFixed(1).padStart(8)} ms  ${k}`)
      }
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Measurements

/**
 * A first visit (fresh browser context: empty profile, no HTTP or code cache): home until idle,
 * then the learner's first answer: *Start review* → first question → *Don't know* → feedback.
 * Every file fetched is counted at its gzip size (level 6, as servers send it), split into what
 * came before the first interaction and what the first answer needed in addition.
 */
/**
 * A first visit comes from a browser whose language is Chinese, as the app's learners' (the
 * article is Chinese; the app speaks the browser's language): the interface strings fetched are
 * the Chinese ones. Playwright's default would be English.
 */
const FIRST_VISIT = { locale: 'zh-CN' }

async function firstVisit(browser, base, chunks) {
  const context = await newContext(browser, FIRST_VISIT)
  const page = await context.newPage()
  /** path → { type, phase } for every file of this origin the page fetched. */
  const fetched = new Map()
  let phase = 'load'
  page.on('response', (r) => {
    if (!r.url().startsWith(base)) return
    const path = new URL(r.url()).pathname
    if (!fetched.has(path)) fetched.set(path, { type: r.request().resourceType(), phase })
  })
  await page.goto(base + '/')
  await page.waitForSelector('[data-testid="start-review"]')
  await page.waitForLoadState('networkidle')
  await page.evaluate(quiet)
  phase = 'answer'
  await page.click('[data-testid="start-review"]')
  await page.waitForSelector('article.question')
  // The answer is written (card, log, mistake) before the feedback shows.
  await page.click('[data-testid="dont-know"]')
  await page.waitForSelector('[data-testid="next"]')
  await page.waitForLoadState('networkidle')
  await page.evaluate(quiet)
  await context.close()

  const files = [...fetched].map(([path, f]) => {
    const file = join(DIST, path.replace(/^\//, ''))
    return { url: path, ...f, gzip: existsSync(file) && statSync(file).isFile() ? gz(file) : 0 }
  })
  const scripts = (ph) => files.filter((f) => f.type === 'script' && (ph === undefined || f.phase === ph))
  const sum = (fs) => fs.reduce((t, f) => t + f.gzip, 0)
  const list = (fs) => fs.map((f) => `${basename(f.url)} ${kb(f.gzip)}`).join(', ')
  const before = scripts('load')
  const byAnswer = scripts()
  add({
    name: 'JS before the first interaction, gzip (first visit, home)',
    unit: 'KB',
    value: kb(sum(before)),
    target: 90,
    note: `${before.length} files: ${list(before)}`,
  })
  add({
    name: 'JS to the first answer recorded, gzip (first visit: home → Start review → Don’t know)',
    unit: 'KB',
    value: kb(sum(byAnswer)),
    target: 110,
    note: `after the first interaction, ${scripts('answer').length} more: ${list(scripts('answer'))}`,
  })
  const data = files.filter((f) => f.type !== 'script' && f.type !== 'document' && /\.json$/.test(f.url))
  add({
    name: 'data to the first answer recorded, gzip (question bank JSON)',
    unit: 'KB',
    value: kb(sum(data)),
    note: data.length ? list(data) : 'none fetched',
  })
  const parts = attribute(chunks, byAnswer).filter(([, b]) => b >= 512)
  notes.push(`JS to the first answer by package / file (gzip KB, shares of ${kb(sum(byAnswer))}): ${parts.map(([k, b]) => `${k} ${kb(b)}`).join(', ')}`)
}

/**
 * Press → first question on a first visit with the CPU slowed 4× (Lighthouse's mobile profile):
 * each run in a fresh context, home loaded and idle, then *Start review* is clicked. The press
 * fetches and runs the database code and the review screen's chunk, and reads the first questions (their set's JSON). The click
 * is the element's own (no pointer moves over it first, no press before it), so nothing the app
 * starts on a hover or a press (main.ts, onIntentToFollow) runs ahead of the timer. With
 * --profile, a CPU profile of each press (the last one printed and written).
 */
async function pressToFirstQuestion(browser, base, runs) {
  const samples = []
  for (let i = 0; i < runs; i++) {
    const context = await newContext(browser, FIRST_VISIT)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.goto(base + '/')
    await page.waitForSelector('[data-testid="start-review"]')
    await page.waitForLoadState('networkidle')
    await page.evaluate(quiet)
    const prof = await profiler(page)
    await prof.run('press-first-question-4x', async () => {
      samples.push(await page.evaluate(clickUntil, { click: '[data-testid="start-review"]', selector: 'article.question', timeout: 60_000 }))
    })
    if (i === runs - 1) prof.report()
    await context.close()
  }
  add({ name: 'press Start review → first question (first visit, 4× CPU slowdown)', samples, target: 300 })
}

/** --profile: a CPU profile of loading home with the CPU slowed 4× (as Lighthouse's mobile run). */
async function profileHomeLoad(browser, base) {
  if (!PROFILE) return
  const context = await newContext(browser)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  const prof = await profiler(page)
  await prof.run('home-load-4x', async () => {
    await page.goto(base + '/')
    await page.waitForSelector('#main h1')
    await page.waitForLoadState('networkidle')
  })
  prof.report()
  await context.close()
}

async function routeChunks(browser, base) {
  // "Later routes load their own chunks": what /stats fetches beyond what home fetched.
  const context = await newContext(browser)
  const page = await context.newPage()
  const scripts = []
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
  })
  await page.goto(base + '/')
  await page.waitForSelector('#main h1')
  await page.waitForLoadState('networkidle')
  const home = scripts.length
  await page.click('header a[href="/stats"]')
  // The page reached "networkidle" on home already, so waiting for that state again returns at
  // once: wait for the stats screen itself, then until no script has arrived for half a second.
  await page.waitForSelector('[data-testid="stats-empty"], [data-testid="total-reviews"]')
  for (let seen = -1; seen !== scripts.length; ) {
    seen = scripts.length
    await page.waitForTimeout(500)
  }
  const later = scripts.slice(home).map((p) => basename(p))
  await context.close()
  notes.push(`route chunks: opening /stats after home fetched ${later.length} more script(s): ${later.join(', ') || 'none'}`)
}

const LH_TARGETS = { performance: 0.98, accessibility: 1, 'best-practices': 0.95 }

async function lighthouse(base, runs) {
  let lh
  let launcher
  try {
    lh = (await import('lighthouse')).default
    launcher = await import('chrome-launcher')
  } catch {
    for (const [cat, target] of Object.entries(LH_TARGETS))
      notMeasured(`Lighthouse mobile ${cat}`, null, target, 'lighthouse@12.8.2 is not installed (add it to devDependencies)', 'score', 'min')
    return
  }
  // Scores move from run to run (more so on 2 cores): keep the run with the median performance.
  const lhrs = []
  for (let i = 0; i < runs; i++) {
    const chrome = await launcher.launch({ chromePath: CHROME, chromeFlags: ['--headless=new', ...CHROME_FLAGS] })
    try {
      // Lighthouse's default config is the mobile one (Moto G Power, simulated slow 4G, 4× CPU).
      const run = await lh(`${base}/`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(LH_TARGETS),
      })
      lhrs.push(run.lhr)
    } finally {
      await chrome.kill()
    }
  }
  lhrs.sort((a, b) => a.categories.performance.score - b.categories.performance.score)
  const lhr = lhrs[Math.floor((lhrs.length - 1) / 2)]
  const audits = lhr.audits
  const failing = (cat) =>
    lhr.categories[cat].auditRefs
      .filter((a) => a.weight > 0 && audits[a.id]?.score !== null && audits[a.id]?.score < 1)
      .map((a) => `${a.id} ${audits[a.id].displayValue ?? audits[a.id].score}`)
      .slice(0, 6)
      .join(', ')
  for (const [cat, target] of Object.entries(LH_TARGETS)) {
    const score = lhr.categories[cat].score
    const all = lhrs.map((l) => l.categories[cat].score).join(' / ')
    const row = add({ name: `Lighthouse mobile ${cat}`, unit: 'score', value: score, note: `${runs > 1 ? `runs: ${all}; ` : ''}${score < 1 ? `below 1: ${failing(cat)}` : ''}` })
    // Scores are "higher is better", unlike every other row.
    row.target = target
    row.stat = 'min'
    row.pass = score >= target
  }
  const m = (id) => audits[id]?.displayValue ?? '?'
  const boot = (audits['bootup-time']?.details?.items ?? []).slice(0, 3).map((it) => `${basename(it.url)} ${Math.round(it.total)} ms`)
  notes.push(`Lighthouse (median run): FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, SI ${m('speed-index')}, CLS ${m('cumulative-layout-shift')}; script boot-up (throttled): ${boot.join(', ')}`)
}

async function measureSize(_browser, base, n, setId) {
  const now = Date.now()
  // At 100k one screen action can take seconds: five runs (the minimum) keep a full run near 30 minutes.
  const runs = n >= 100_000 ? Math.min(RUNS, 5) : RUNS
  const nexts = n >= 100_000 ? Math.min(NEXTS, 8) : NEXTS
  // Its own browser and profile: the seeded database stays on disk when a cold load restarts it.
  const profileDir = mkdtempSync(join(tmpdir(), `bench-profile-${label(n)}-`))
  let context = await openProfile(profileDir)
  let open = true
  context.on('close', () => (open = false))
  let bench = await benchPage(context, base)
  log(`@${label(n)}: seeding ${n} questions, ${n} log entries`)
  await bench.evaluate(() => window.bench.reset())
  const seeded = await bench.evaluate((o) => window.bench.seed(o), { questions: n, logs: n, now, setId })
  log(`  seeded in ${(seeded.ms / 1000).toFixed(1)} s: ${seeded.cards} cards (${seeded.due} due), ${seeded.logs} log entries, ${seeded.notebook} mistakes`)

  // Database and domain, in the bench page.
  const reads = await bench.evaluate((o) => window.bench.reads(o), { now: Date.now(), runs })
  add({ name: 'due count (countDue, index)', size: n, samples: reads.dueIndexed, baseline: median(reads.dueScan), baselineIs: 'the straightforward query: cards.filter(due ≤ now).count()', target: 50, note: n === SIZES.at(-1) ? `${reads.due} due` : undefined })
  add({ name: 'review queue, first 200 due (index)', size: n, samples: reads.queueIndexed, baseline: median(reads.queueScan), baselineIs: 'the straightforward query: cards.toArray() + filter + sort' })
  const why = SKIP.has('diagnostics') ? {} : await bench.evaluate((o) => window.bench.diagnose(o), { now: Date.now(), runs })
  for (const [name, xs] of Object.entries(why)) diagnostics.push({ name, size: n, value: round(median(xs), 2), p95: round(quantile(xs, 0.95), 2), n: xs.length, unit: 'ms' })
  const stats = await bench.evaluate((o) => window.bench.stats(o), { now: Date.now(), runs: Math.min(runs, n >= 100_000 ? 3 : runs) })
  add({
    name: 'stats data (daily totals read + summary)',
    size: n,
    samples: stats.both,
    baseline: median(stats.fromLog),
    baselineIs: 'the straightforward summary: every log entry of the window read and summed (loadStatsData + buildStats)',
    note: `read ${round(median(stats.load))} ms + compute ${round(median(stats.build))} ms; baseline = every log entry of the window read and summed (loadStatsData + buildStats)`,
  })
  await bench.evaluate(() => window.bench.close())
  await bench.close()

  // The real screens. Each block stands alone: when one breaks (a screen being rewritten, a
  // crashed tab), its figures are "not measured" and the run goes on with a fresh page.
  let page = null
  let prof = null
  const freshPage = async () => {
    if (page && !page.isClosed()) await page.close()
    page = await appPage(context)
    prof = await profiler(page)
  }
  const block = async (names, target, fn) => {
    try {
      if (!page || page.isClosed()) await freshPage()
      await fn()
    } catch (e) {
      if (!open) throw e
      for (const name of names) notMeasured(name, n, target, e.message.split('\n')[0])
      await freshPage()
    }
  }
  const home = async () => {
    await page.goto(base + '/')
    await page.waitForSelector(`[data-testid="set-card-${setId}"]`)
    await page.waitForLoadState('networkidle')
    await page.evaluate(quiet)
  }
  /** Back to home inside the app (no page load): the route chunks stay loaded. */
  const backHome = async () => {
    await page.click('header a[href="/"]')
    await page.waitForSelector(`[data-testid="set-card-${setId}"]`)
    await page.evaluate(quiet)
  }
  const dontKnow = { click: '[data-testid="dont-know"]', selector: '[data-testid="next"]', timeout: 30_000 }
  const next = { click: '[data-testid="next"]', selector: 'article.question', timeout: 30_000 }
  // Every "don't know" adds a log entry: the stats screen must show them too.
  let answered = 0

  // The database was written outside the app, as a backup import writes it: its first start
  // reconciles every card with the bank (once), before any screen may open. Timed here, so that
  // no later figure has it in its first run.
  const reconcileName = 'start-up reads, first start after the database was written outside the app (as after a backup import: every card reconciled)'
  await block([reconcileName], null, async () => {
    await page.goto(base + '/')
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, 'app: start-up reads', { timeout: 120_000 })
    add({ name: reconcileName, size: n, samples: [await page.evaluate((name) => performance.getEntriesByName(name)[0].duration, 'app: start-up reads')] })
    await page.evaluate(quiet)
  })

  await block(['cold load of /review → first question (new browser, no HTTP or code cache)', 'answer → feedback, review loaded directly (home never shown)'], null, async () => {
    const cold = []
    // Where a cold load's time goes: until the database code has arrived (the browser starting on
    // this profile, the page and its scripts) and from there to the first question (the app's
    // own work: opening the database, start-up reads, the review queue, the first render).
    const split = { 'cold load: page start → database code arrived': [], 'cold load: database code arrived → first question': [] }
    for (let i = 0; i < runs; i++) {
      // Cold: a new browser process on the same profile, without its HTTP and code caches.
      await context.close()
      dropCaches(profileDir)
      context = await openProfile(profileDir)
      open = true
      context.on('close', () => (open = false))
      await freshPage()
      await page.goto(base + '/review')
      await page.waitForSelector('article.question')
      await page.waitForFunction(() => typeof window.__firstQuestionAt === 'number')
      const at = await page.evaluate(() => ({
        question: window.__firstQuestionAt,
        database: performance.getEntriesByType('resource').find((e) => /\/database-[\w-]+\.js$/.test(e.name))?.responseEnd,
      }))
      cold.push(at.question)
      if (at.database !== undefined) {
        split['cold load: page start → database code arrived'].push(at.database)
        split['cold load: database code arrived → first question'].push(at.question - at.database)
      }
    }
    for (const [name, xs] of Object.entries(split)) if (xs.length > 0) diagnostics.push({ name, size: n, value: round(median(xs), 2), p95: round(quantile(xs, 0.95), 2), n: xs.length, unit: 'ms' })
    add({ name: 'cold load of /review → first question (new browser, no HTTP or code cache)', size: n, samples: cold, relativeTarget: 1.5 })
    // The same answers on this page, where home was never shown: no home-screen live queries run.
    const direct = []
    for (let i = 0; i < Math.min(nexts, 5); i++) {
      if (!(await page.$('[data-testid="dont-know"]'))) break
      direct.push(await page.evaluate(clickUntil, dontKnow))
      answered++
      await page.evaluate(clickUntil, next)
    }
    add({ name: 'answer → feedback, review loaded directly (home never shown)', size: n, samples: direct })
  })

  // Opening a screen the first time in a page also fetches and compiles its route chunk; the
  // second time (back home inside the app, then again) measures the screen's own work.
  await block(['home start-up reads (imported sets, bank signature, settings)', 'JS heap after start-up (home, after GC)'], 50, async () => {
    await startUp(page, base, n, runs, setId)
  })

  await block(['open review (click, route loaded) → first question'], 50, async () => {
    const openFirst = []
    const openAgain = []
    const reviewClick = { click: 'header a[href="/review"]', selector: 'article.question', timeout: 60_000 }
    for (let i = 0; i < runs; i++) {
      await home()
      openFirst.push(await prof.run(`review-first-${label(n)}`, () => page.evaluate(clickUntil, reviewClick)))
      await backHome()
      openAgain.push(await prof.run(`review-again-${label(n)}`, () => page.evaluate(clickUntil, reviewClick)))
    }
    add({ name: 'open review, first visit after page load → first question', size: n, samples: openFirst })
    // Every visit re-reads the queue: the repeat visit is the screen's own cost.
    add({ name: 'open review (click, route loaded) → first question', size: n, samples: openAgain, target: 50 })
  })

  await block(['answer → next question shown (click next)'], 50, async () => {
    // On the review opened above (home was shown first, so its live queries are subscribed).
    const toFeedback = []
    const toNext = []
    for (let i = 0; i < nexts; i++) {
      if (!(await page.$('[data-testid="dont-know"]'))) break
      toFeedback.push(await prof.run(`answer-${label(n)}`, () => page.evaluate(clickUntil, dontKnow)))
      answered++
      toNext.push(await prof.run(`next-${label(n)}`, () => page.evaluate(clickUntil, next)))
    }
    add({ name: 'answer (don’t know) → feedback, review opened from home', size: n, samples: toFeedback })
    add({ name: 'answer → next question shown (click next)', size: n, samples: toNext, target: 50 })
  })

  await block(['stats screen, first visit after page load → total shown'], 300, async () => {
    const statsFirst = []
    const statsAgain = []
    const statsClick = { click: 'header a[href="/stats"]', selector: '[data-testid="total-reviews"]', textDigits: String(seeded.logs + answered), timeout: 60_000 }
    for (let i = 0; i < runs; i++) {
      await home()
      statsFirst.push(await prof.run(`stats-first-${label(n)}`, () => page.evaluate(clickUntil, statsClick)))
      await backHome()
      statsAgain.push(await prof.run(`stats-again-${label(n)}`, () => page.evaluate(clickUntil, statsClick)))
    }
    // The stats store keeps its last summary while the app stays open: only the first visit
    // after a page load computes it, so that one meets the target.
    add({ name: 'stats screen, first visit after page load → total shown', size: n, samples: statsFirst, target: 300 })
    add({ name: 'stats screen again (summary kept in the store)', size: n, samples: statsAgain })
  })
  // The learner journey, on a set of 1,000 questions added to the bank now (so the screens
  // above measured the bank as seeded): the set page, a 20-question quiz, its results, stats.
  await block(JOURNEY.map((j) => j.name), null, async () => {
    const seeder = await benchPage(context, base)
    await seeder.evaluate((o) => window.bench.seedJourneySet(o), { setId: JOURNEY_SET, questions: JOURNEY_QUESTIONS, now: Date.now() })
    await seeder.evaluate(() => window.bench.close())
    await seeder.close()
    const runsOf = Object.fromEntries(JOURNEY.map((j) => [j.key, []]))
    for (let i = 0; i < runs; i++) {
      await page.goto(base + '/')
      await page.waitForSelector(`[data-testid="set-card-${JOURNEY_SET}"]`)
      await page.waitForLoadState('networkidle')
      await page.evaluate(quiet)
      const r = await prof.run(`journey-${label(n)}`, () => page.evaluate(journeyFlow, { setId: JOURNEY_SET, count: JOURNEY_QUIZ, timeout: 120_000 }))
      for (const j of JOURNEY) runsOf[j.key].push(...[r[j.key]].flat())
      if (i === 0) log(`  journey: ${r.score.trim()}`)
    }
    for (const j of JOURNEY) add({ name: j.name, size: n, samples: runsOf[j.key] })
  })
  prof.report()
  await page.close()

  // Writes last: they change the data the screens above read.
  bench = await benchPage(context, base)
  const answers = await bench.evaluate((o) => window.bench.answers(o), { now: Date.now(), count: ANSWERS })
  const slowest = sorted(answers).slice(-5).map((x) => round(x)).join(', ')
  add({ name: 'record one answer (recordAnswer, 1 transaction)', size: n, samples: answers, target: 10, stat: 'p95', note: `${answers.length} answers; slowest: ${slowest} ms` })
  await bench.evaluate(() => window.bench.close())
  await context.close()
  rmSync(profileDir, { recursive: true, force: true })
}

/**
 * In the page: puts `text` in the import text area, clicks save as soon as the preview allows
 * it, and resolves when "saved" shows: { total, preview, save } in ms.
 */
function importFlow({ text, timeout }) {
  return new Promise((resolve, reject) => {
    const area = document.querySelector('[data-testid="import-text"]')
    if (!area) return reject(new Error('no [data-testid="import-text"]'))
    let clickedAt = null
    let t0 = 0
    const timer = setTimeout(() => {
      observer.disconnect()
      const errors = document.querySelector('[data-testid="import-errors"]')?.textContent
      reject(new Error(`timeout waiting for import-saved${errors ? `: ${errors.slice(0, 200)}` : ''}`))
    }, timeout)
    const observer = new MutationObserver(() => {
      const button = document.querySelector('[data-testid="import-save"]')
      if (clickedAt === null && button && !button.disabled) {
        clickedAt = performance.now()
        button.click()
      }
      if (clickedAt !== null && document.querySelector('[data-testid="import-saved"]')) {
        observer.disconnect()
        clearTimeout(timer)
        requestAnimationFrame(() => {
          const end = performance.now()
          resolve({ total: end - t0, preview: clickedAt - t0, save: end - clickedAt })
        })
      }
    })
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] })
    t0 = performance.now()
    area.value = text
    area.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

async function measureImport(base, questions, withScreen) {
  const rows = questions / 2
  const runs = QUICK ? 3 : 5
  const context = await diskContext()
  const bench = await benchPage(context, base)
  await bench.evaluate(() => window.bench.reset())
  const r = await bench.evaluate((o) => window.bench.importPipeline(o), { rows, runs, now: Date.now() })
  const text = await bench.evaluate((n) => window.bench.tsv(n), rows)
  for (const [name, xs] of Object.entries(r.parts)) diagnostics.push({ name: `import: ${name}`, size: questions, value: round(median(xs), 2), p95: round(quantile(xs, 0.95), 2), n: xs.length, unit: 'ms' })
  const domain = r.parse.map((p, i) => p + (r.write[i] ?? r.write.at(-1)))
  add({
    name: 'import TSV: parse + validate + save (no screen)',
    size: questions,
    samples: domain,
    baseline: median(r.parse) + median(r.perQuestion),
    baselineIs: 'the straightforward save: each question written in its own transaction',
    target: 2000,
    note: `${rows} rows → ${r.questions} questions; parseImport ${round(median(r.parse))} ms + saveImportedSet ${round(median(r.write))} ms; baseline writes each question in its own transaction (${round(median(r.perQuestion))} ms)`,
  })
  if (!withScreen) {
    notMeasured('import TSV via the /import screen', questions, 2000, 'src/views/ImportView.vue does not exist yet')
    await bench.close()
    await context.close()
    return
  }
  const flows = []
  try {
    for (let i = 0; i < runs; i++) {
      // Each run on an empty database, so earlier imports do not grow the bank.
      await bench.evaluate(() => window.bench.reset())
      const page = await appPage(context)
      await page.goto(base + '/import')
      await page.waitForSelector('[data-testid="import-text"]')
      await page.waitForLoadState('networkidle')
      await page.evaluate(quiet)
      const prof = await profiler(page)
      flows.push(await prof.run(`import-${label(questions)}`, () => page.evaluate(importFlow, { text, timeout: 60_000 })))
      if (i === runs - 1) prof.report()
      await page.close()
    }
    add({
      name: 'import TSV via the /import screen (paste → saved)',
      size: questions,
      samples: flows.map((f) => f.total),
      target: 2000,
      note: `paste → save enabled ${round(median(flows.map((f) => f.preview)))} ms (250 ms of it is the preview's debounce), save → saved ${round(median(flows.map((f) => f.save)))} ms`,
    })
  } catch (e) {
    notMeasured('import TSV via the /import screen (paste → saved)', questions, 2000, e.message)
  }
  await bench.close()
  await context.close()
}

/**
 * Home's start-up at this size, warm (the app's files cached): the app's own measure of its
 * start-up reads, and the JS heap once home is idle, after a garbage collection.
 */
async function startUp(page, base, n, runs, setId) {
  const reads = []
  const heap = []
  const cdp = await page.context().newCDPSession(page)
  for (let i = 0; i < runs; i++) {
    await page.goto(base + '/')
    await page.waitForSelector(`[data-testid="set-card-${setId}"]`)
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, 'app: start-up reads')
    await page.evaluate(quiet)
    reads.push(await page.evaluate((name) => performance.getEntriesByName(name)[0].duration, 'app: start-up reads'))
    await cdp.send('HeapProfiler.collectGarbage')
    heap.push((await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20)
  }
  await cdp.detach()
  add({ name: 'home start-up reads (imported sets, bank signature, settings)', size: n, samples: reads, target: 50 })
  add({ name: 'JS heap after start-up (home, after GC)', size: n, unit: 'MB', samples: heap, relativeTarget: 1.5 })

  // The first start after an app update whose built-in sets differ: start-up reconciles the
  // progress with the new bank. The imported set (every seeded card is in it) is unchanged.
  const updated = []
  for (let i = 0; i < Math.min(runs, 3); i++) {
    await page.evaluate(forgetBuiltInSignature)
    await page.goto(base + '/')
    await page.waitForSelector(`[data-testid="set-card-${setId}"]`)
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, 'app: start-up reads')
    updated.push(await page.evaluate((name) => performance.getEntriesByName(name)[0].duration, 'app: start-up reads'))
    await page.evaluate(quiet)
  }
  add({ name: 'home start-up reads after an update of the built-in sets (reconciling with the new bank)', size: n, samples: updated })
}

/** In the page: makes the stored bank signature's built-in part another version's, as an app update would. */
function forgetBuiltInSignature() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('qwen-study')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const store = db.transaction('settings', 'readwrite').objectStore('settings')
      const get = store.get('bankSignature')
      get.onsuccess = () => {
        const row = get.result
        if (!row) return reject(new Error('no bank signature stored'))
        const put = store.put({ ...row, value: String(row.value).replace(/^\S+/, '0:0') })
        put.onsuccess = () => {
          db.close()
          resolve()
        }
        put.onerror = () => reject(put.error)
      }
    }
  })
}

/**
 * Targets relative to the smallest size ("at 100k ≤ 1.5× the 1k figure"): filled in once every
 * size has run. Without the smallest size in the run, such a figure has no target.
 */
function relativeTargets() {
  for (const r of results) {
    if (!r.relativeTarget) continue
    const base = results.find((x) => x.name === r.name && x.size === 1000 && x.value !== null)
    const { relativeTarget } = r
    delete r.relativeTarget
    if (!base || r.size === 1000) {
      if (!base) r.note = [r.note, `target: ≤ ${relativeTarget}× the 1k figure, which this run did not measure`].filter(Boolean).join('; ')
      continue
    }
    r.target = round(base.value * relativeTarget, 2)
    r.pass = r.value === null ? null : r.value <= r.target
    r.note = [r.note, `target = ${relativeTarget}× the 1k figure (${base.value} ${r.unit})`].filter(Boolean).join('; ')
  }
}

// ---------------------------------------------------------------------------------------------
// Run metadata and the precache budget

/** Where and when this run happened: commit, time, CPU, and whether the machine was idle. */
function runMetadata() {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    } catch {
      return null
    }
  }
  let uptime = null
  try {
    uptime = execFileSync('uptime', { encoding: 'utf8' }).trim()
  } catch {
    // no uptime binary: the load average below says the same
  }
  const before = loadavg().map((x) => round(x, 2))
  const cores = cpus().length
  return {
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: (git('status', '--porcelain', '--untracked-files=no') ?? '') !== '',
    startedAt: new Date().toISOString(),
    chromium: null,
    cpu: cpus()[0]?.model.trim() ?? null,
    cores,
    uptime,
    loadAverageBefore: before,
    // Idle: less than a quarter of one core busy on average over the last minute.
    idle: before[0] < 0.25,
    options: argv,
  }
}

/** What a first visit downloads for offline use: every file of the precache list, gzip. */
function precacheRow(precache) {
  add({
    name: 'precache, gzip (what the service worker downloads)',
    unit: 'KB',
    value: kb(precache.gzip),
    target: 300,
    note: `${precache.files} files, ${kb(precache.raw)} KB on disk`,
  })
}

// ---------------------------------------------------------------------------------------------
// Backup import: a big backup merged through the settings screen

/** Review log entries in the merged backup (about 50 MB of JSON, as the app exports it). */
const BACKUP_REVIEWS = 100_000

/**
 * A backup file as the app writes it (pretty-printed), made here rather than exported from the
 * browser: `reviews` log entries over `reviews / 10` questions, each question's card and a
 * notebook entry for every tenth. `corrupt`: the last log entry has a grade of 7, so the file
 * is refused after every record before it was checked.
 */
function syntheticBackup(reviews, corrupt = false) {
  const questions = Math.max(1, Math.floor(reviews / 10))
  const t0 = Date.UTC(2026, 0, 1)
  const card = (i, t) => ({
    questionId: `bk-q${i}`, setId: 'bk', due: t + 86_400_000, stability: 3.2, difficulty: 5.1, elapsedDays: 1,
    scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: t,
  })
  const log = Array.from({ length: reviews }, (_, k) => {
    const i = k % questions
    const time = t0 + k * 60_000
    return {
      id: `bk-r${k}`, questionId: `bk-q${i}`, setId: 'bk', time, mode: 'review', correct: k % 4 !== 0, overridden: false,
      answer: { type: 'single', choice: 'a' }, grade: corrupt && k === reviews - 1 ? 7 : k % 4 === 0 ? 1 : 3, durationMs: 4000,
      cardBefore: k < questions ? null : card(i, time - 60_000 * questions), notebookBefore: null, attemptId: null,
      daily: { day: new Date(time).toISOString().slice(0, 10), firstOfDay: k % 50 === 0 },
    }
  })
  const last = t0 + reviews * 60_000
  return JSON.stringify(
    {
      format: 'qwen-study-backup', version: 1, exportedAt: last,
      cards: Array.from({ length: questions }, (_, i) => card(i, last - 60_000)),
      reviews: log,
      attempts: [],
      notebook: Array.from({ length: Math.floor(questions / 10) }, (_, j) => ({
        questionId: `bk-q${j * 10}`, setId: 'bk', missCount: 1, lastWrongAnswer: { type: 'single', choice: 'b' },
        lastWrongAt: t0 + j * 60_000, correctStreak: 0, cleared: 0, clearedAt: null,
      })),
      settings: [],
      archive: [],
      importedSets: [],
    },
    null,
    2,
  )
}

/**
 * In the page, before the file is chosen: times the import from the file input's change to its
 * outcome (the status line or the error list), clicks Merge as soon as the dialog offers it, and
 * records the longest gap between two animation frames meanwhile. Resolved by backupResult().
 */
function backupRecorder({ timeout }) {
  const w = window
  w.__backup = new Promise((resolve, reject) => {
    let t0 = null
    let clicked = false
    let maxGap = 0
    let last = performance.now()
    let done = false
    // When each phase of the progress bar (reading, checking, importing) first showed.
    const phases = {}
    const frame = (now) => {
      if (t0 !== null) maxGap = Math.max(maxGap, now - last)
      last = now
      if (!done) requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
    document.addEventListener('change', () => (t0 ??= performance.now()), { capture: true })
    const timer = setTimeout(() => {
      done = true
      reject(new Error(`no outcome after ${timeout} ms: ${document.querySelector('[data-testid="backup-errors"]')?.textContent ?? ''}`))
    }, timeout)
    const observer = new MutationObserver(() => {
      const merge = document.querySelector('[data-testid="import-merge"]')
      if (!clicked && merge && !merge.disabled && merge.offsetParent !== null) {
        clicked = true
        merge.click()
      }
      const phase = document.querySelector('[data-testid="backup-progress"] label')?.textContent?.trim()
      if (phase && t0 !== null && !(phase in phases)) phases[phase] = Math.round(performance.now() - t0)
      const status = document.querySelector('[data-testid="backup-status"]')?.textContent?.trim()
      const errors = document.querySelector('[data-testid="backup-errors"]')?.textContent?.trim()
      if (t0 === null || done || (!status && !errors)) return
      done = true
      observer.disconnect()
      clearTimeout(timer)
      requestAnimationFrame((now) => {
        maxGap = Math.max(maxGap, now - last)
        resolve({ total: now - t0, maxGap, phases, outcome: errors ? 'refused' : 'imported', text: (errors || status).slice(0, 160) })
      })
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  })
}

async function measureBackup(base) {
  const runs = QUICK ? 1 : 3
  const name = `backup merge via the settings screen (choose file → imported)`
  const gapName = 'longest frame gap while a backup is checked and merged (or refused)'
  const rejectName = 'backup refused via the settings screen (one bad record at the end)'
  // On disk: Playwright hands a file over 50 MB to the page only by its path.
  mkdirSync(PROFILE_DIR, { recursive: true })
  const files = { merge: join(PROFILE_DIR, 'backup-merge.json'), reject: join(PROFILE_DIR, 'backup-refused.json') }
  writeFileSync(files.merge, syntheticBackup(BACKUP_REVIEWS))
  writeFileSync(files.reject, syntheticBackup(BACKUP_REVIEWS, true))
  const mb = (path) => round(statSync(path).size / 1024 / 1024, 1)
  const context = await diskContext()
  const flows = { merge: [], reject: [] }
  try {
    for (const kind of ['merge', 'reject']) {
      for (let i = 0; i < runs; i++) {
        // A database with some progress already, so the screen asks merge or replace.
        const bench = await benchPage(context, base)
        await bench.evaluate(() => window.bench.reset())
        await bench.evaluate((o) => window.bench.seed(o), { questions: 1000, logs: 1000, now: Date.now(), setId: 'bench-here' })
        await bench.evaluate(() => window.bench.close())
        await bench.close()
        const page = await appPage(context)
        await page.goto(base + '/settings')
        await page.waitForSelector('[data-testid="import-progress"]')
        await page.waitForLoadState('networkidle')
        await page.evaluate(quiet)
        await page.evaluate(backupRecorder, { timeout: 300_000 })
        await page.getByTestId('import-progress').setInputFiles(files[kind])
        const r = await page.evaluate(() => window.__backup)
        const expected = kind === 'merge' ? 'imported' : 'refused'
        if (r.outcome !== expected) throw new Error(`backup ${kind}: ${r.outcome} (${r.text})`)
        flows[kind].push(r)
        await page.close()
      }
    }
    add({
      name,
      size: BACKUP_REVIEWS,
      samples: flows.merge.map((f) => f.total),
      target: 10_000,
      note: `${mb(files.merge)} MB file, ${BACKUP_REVIEWS} log entries, ${BACKUP_REVIEWS / 10} cards; into a database with 1,000 entries; Merge clicked as soon as offered; each phase started at (ms): ${flows.merge.map((f) => JSON.stringify(f.phases)).join(' ')}; so the writing took (ms) ${flows.merge.map((f) => Math.round(f.total - Math.max(...Object.values(f.phases)))).join(', ')}`,
    })
    add({ name: rejectName, size: BACKUP_REVIEWS, samples: flows.reject.map((f) => f.total), note: `${mb(files.reject)} MB file` })
    add({
      name: gapName,
      size: BACKUP_REVIEWS,
      samples: [...flows.merge, ...flows.reject].map((f) => f.maxGap),
      target: 200,
      stat: 'p95',
      note: `requestAnimationFrame gaps from choosing the file to the outcome; merge ${flows.merge.map((f) => round(f.maxGap)).join(', ')} ms, refused ${flows.reject.map((f) => round(f.maxGap)).join(', ')} ms`,
    })
  } catch (e) {
    for (const [n, target, unit] of [[name, 10_000, 'ms'], [rejectName, null, 'ms'], [gapName, 200, 'ms']]) {
      if (!results.some((r) => r.name === n)) notMeasured(n, BACKUP_REVIEWS, target, e.message.split('\n')[0], unit)
    }
  }
  await context.close()
  for (const path of Object.values(files)) rmSync(path, { force: true })
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  log(`${QUICK ? 'quick' : 'full'} run, sizes ${SIZES.map(label).join(', ')}, ${RUNS} runs per figure, ${cpus().length} CPUs`)
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ')
  const meta = runMetadata()
  log(`commit ${meta.commit}${meta.dirty ? ' (with uncommitted changes)' : ''}; ${meta.uptime}`)
  notes.push(`load average (1 / 5 / 15 min) at the start: ${load()}${meta.idle ? '' : ' (the machine was not idle)'}; anything else running on the machine shows up in the timings`)
  const { missing, precache, chunks } = await builds()
  precacheRow(precache)

  const { base, child } = await serve()
  log(`vite preview at ${base} (pid ${child.pid})`)
  let browser
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM')
  }
  process.once('SIGINT', () => {
    stop()
    process.exit(130)
  })
  try {
    // Lighthouse first, with nothing else running: its simulated timings scale what it observes.
    if (!SKIP.has('lighthouse')) await lighthouse(base, LH_RUNS)
    browser = await launch()
    meta.chromium = browser.version()
    log(`Chromium ${meta.chromium}`)
    if (!SKIP.has('first-visit')) {
      await firstVisit(browser, base, chunks)
      await pressToFirstQuestion(browser, base, RUNS)
    }
    await routeChunks(browser, base)
    await profileHomeLoad(browser, base)
    // Another process on the machine may end Chromium (e.g. a test run's clean-up): start it
    // again and redo that step once, dropping the rows the broken attempt added.
    const step = async (fn) => {
      const before = results.length
      const beforeDiag = diagnostics.length
      try {
        await fn(browser)
      } catch (e) {
        if (browser.isConnected()) throw e
        log(`Chromium went away (${e.message.split('\n')[0]}); starting it again and redoing this step`)
        results.length = before
        diagnostics.length = beforeDiag
        browser = await launch()
        await fn(browser)
      }
    }
    if (!SKIP.has('sizes')) for (const n of SIZES) await step((b) => measureSize(b, base, n, `bench-${label(n).toLowerCase()}`))
    const importScreen = !missing.has('src/views/ImportView.vue')
    if (!SKIP.has('import')) for (const q of IMPORT_SIZES) await step(() => measureImport(base, q, importScreen))
    if (!SKIP.has('backup')) await step(() => measureBackup(base))
  } finally {
    await browser?.close()
    stop()
    rmSync(BENCH_DIR, { recursive: true, force: true })
  }

  notes.push(`load average at the end: ${load()}`)
  relativeTargets()
  meta.finishedAt = new Date().toISOString()
  meta.loadAverageAfter = loadavg().map((x) => round(x, 2))
  printTable()
  console.log(`\n${meta.commit} · ${meta.startedAt} · Chromium ${meta.chromium} · ${meta.cores} × ${meta.cpu} · load before ${meta.loadAverageBefore.join(' / ')}${meta.idle ? ' (idle)' : ' (not idle)'}`)
  // A run that left parts out would replace the full figures with fewer: it writes beside them.
  const out = SKIP.size > 0 ? join(PROFILE_DIR, 'results-partial.json') : join(ROOT, 'bench', 'results.json')
  mkdirSync(dirname(out), { recursive: true })
  const rows = [...results, ...diagnostics.map((d) => ({ ...d, kind: 'diagnostic', baseline: null, target: null, pass: null }))]
  writeFileSync(out, JSON.stringify({ meta: { ...meta, notes }, rows }, null, 2) + '\n')
  const failed = results.filter((r) => r.pass === false)
  log(`wrote ${out}: ${results.length} figures, ${results.filter((r) => r.pass).length} pass, ${failed.length} miss their target`)
}

try {
  await main()
  process.exit(0)
} catch (e) {
  console.error('[bench] the harness failed:', e)
  if (results.length) printTable()
  process.exit(1)
}
