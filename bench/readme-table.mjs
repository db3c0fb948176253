// Writes the performance table of README.md (between the bench markers) from bench/results.json:
// the run's own metadata (commit, time, Chromium, CPU, load), every figure with its target, and a
// line on what each figure measures. Usage: node bench/readme-table.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'

const resultsPath = new URL('./results.json', import.meta.url)
const readmePath = new URL('../README.md', import.meta.url)
const data = JSON.parse(readFileSync(resultsPath, 'utf8'))
if (Array.isArray(data) || !data.meta) {
  console.error('bench/results.json has no run metadata (written by an older bench/run.mjs): run `npm run bench` again')
  process.exit(1)
}
const { meta, rows: all } = data

/** One line per figure (its name without the size): what a learner would feel it as. */
export const WHAT = {
  'precache, gzip (what the service worker downloads)': 'every file in the service worker’s precache list, gzip level 6: what a first visit downloads to work offline',
  'Lighthouse mobile performance': 'Lighthouse 12.8.2, mobile profile (simulated slow 4G, 4× CPU), on `/`',
  'Lighthouse mobile accessibility': 'the same run’s accessibility score',
  'Lighthouse mobile best-practices': 'the same run’s best-practices score',
  'JS before the first interaction, gzip (first visit, home)': 'every script fetched by a first visit to home (empty profile) until it is idle, gzip',
  'JS to the first answer recorded, gzip (first visit: home → Start review → Don’t know)': 'the same visit carried on to the first recorded answer: all scripts fetched by then, gzip',
  'data to the first answer recorded, gzip (question bank JSON)': 'the JSON the same visit fetched by then (the question bank), gzip',
  'press Start review → first question (first visit, 4× CPU slowdown)': 'first visit, home idle, CPU slowed 4×: the press until the first question is painted (fetches and starts the database and the review screen)',
  'due count (countDue, index)': 'the home screen’s due count read from the database; baseline: every card filtered',
  'review queue, first 200 due (index)': 'the review’s first page of due cards; baseline: every card read, filtered, sorted',
  'stats data (daily totals read + summary)': 'what the stats screen computes; baseline: every log entry of the window read and summed',
  'cold load of /review → first question (new browser, no HTTP or code cache)': 'a new browser on the learner’s profile (data kept, caches deleted) loads `/review`: navigation start → first question painted; at 10k and 100k the target is 1.5× the 1k figure',
  'answer → feedback, review loaded directly (home never shown)': 'on `/review` loaded directly: *Don’t know* → feedback painted (answer written first)',
  'home start-up reads (imported sets, bank signature, settings)': 'home loaded with the app’s files cached: the database reads start-up makes once the database is open, before any screen may use it (the imported sets, the bank’s signature and the settings, side by side; the due count is its own row); the app’s own `performance.measure`',
  'home start-up reads after an update of the built-in sets (reconciling with the new bank)': 'the first start after an app update whose built-in sets differ (the stored signature’s built-in part changed): the same reads plus reconciling progress with the new bank; the imported set holding every seeded card is unchanged, so its cards are not read',
  'start-up reads, first start after the database was written outside the app (as after a backup import: every card reconciled)': 'the first start after the bench wrote the database itself, as a backup import would: the start-up reads plus reconciling every card with the bank (one run)',
  'JS heap after start-up (home, after GC)': 'the page’s JS heap once home is idle, after a garbage collection; at 10k and 100k the target is 1.5× the 1k figure',
  'open review, first visit after page load → first question': 'home loaded and idle, *Review* clicked → first question (route chunk fetched too)',
  'open review (click, route loaded) → first question': 'the same, second time in the page: the screen’s own work',
  'answer (don’t know) → feedback, review opened from home': 'on the review opened from home: *Don’t know* → feedback painted; the gap to the direct row is what home left subscribed',
  'answer → next question shown (click next)': '*Next* → the next question painted',
  'stats screen, first visit after page load → total shown': 'home loaded and idle, *Stats* clicked → the total shown',
  'stats screen again (summary kept in the store)': 'the same, second time in the page',
  'learner journey: set of 1,000 → 20-question quiz → results → stats (end to end)': 'home loaded and idle, a set of 1,000 new questions imported beside the seeded bank: its card clicked, *Start quiz*, 20 questions, 20 answers (*Don’t know*, *Next*), results, *Stats*: the first click until the stats total is painted',
  'journey: set card on home → set page shown': 'the same journey’s first step: the set’s title clicked → its page (with *Start quiz*)',
  'journey: set page → quiz setup ready (start enabled)': '*Start quiz* on the set page → the setup screen with this set chosen and its count of questions ready',
  'journey: start the quiz → first question': '20 chosen, *Start* clicked → the first question (the set’s questions read, the quiz written, its questions fetched)',
  'journey: answer (don’t know) → feedback, in the quiz': '*Don’t know* → feedback painted, every answer of every run',
  'journey: next → next question, in the quiz': '*Next* → the next question painted',
  'journey: last next → results shown': 'the last *Next* → the results screen’s score',
  'journey: results → stats screen total shown': 'from the results, *Stats* in the header → the total shown (the first visit in that page)',
  'record one answer (recordAnswer, 1 transaction)': 'card + log + mistake written in one transaction, 200 answers timed one by one',
  'import TSV: parse + validate + save (no screen)': 'the import pipeline without a screen; baseline: one transaction per question',
  'import TSV via the /import screen (paste → saved)': 'paste into the import screen until “saved” shows (the preview’s debounce included)',
  'backup merge via the settings screen (choose file → imported)': 'a 100,000-entry backup chosen on the settings screen and merged into a database holding 1,000: the choice until “imported” shows',
  'backup refused via the settings screen (one bad record at the end)': 'the same file with one bad record at its end: the choice until the refusal shows',
  'longest frame gap while a backup is checked and merged (or refused)': 'the longest gap between animation frames from the choice to the outcome: how long the page froze',
}

const fmt = (x) => (x === null || x === undefined ? '—' : typeof x === 'number' ? String(Math.round(x * 100) / 100) : String(x))
const rows = all.filter((r) => r.kind !== 'diagnostic')
const missing = [...new Set(rows.map((r) => r.name).filter((n) => !(n in WHAT)))]
const table = rows.map((r) => {
  const ratio = typeof r.baseline === 'number' && typeof r.value === 'number' && r.value > 0 ? `×${fmt(r.baseline / r.value)}` : '—'
  const pass = r.pass === true ? 'pass' : r.pass === false ? '**miss**' : r.note?.startsWith('not measured') ? 'not measured' : '—'
  const target = r.target === null || r.target === undefined ? '—' : `${r.stat === 'min' ? '≥' : '≤'} ${fmt(r.target)}${r.stat === 'p95' ? ' (p95)' : ''}`
  return `| ${r.name} | ${r.size ? r.size.toLocaleString('en-US') : '—'} | ${fmt(r.value)} ${r.unit ?? ''} | ${fmt(r.p95)} | ${fmt(r.baseline)} | ${ratio} | ${target} | ${pass} |`
})
const load = (xs) => (xs ?? []).join(' / ')

// Earlier runs kept beside this one (bench/results-*.json, e.g. on another Chromium): every figure
// with a target, side by side with this run's, each run named by its own metadata.
const others = readdirSync(new URL('.', import.meta.url))
  .filter((f) => /^results-.+\.json$/.test(f))
  .sort()
  .map((f) => ({ file: f, ...JSON.parse(readFileSync(new URL(`./${f}`, import.meta.url), 'utf8')) }))
  .filter((o) => o.meta && Array.isArray(o.rows))
const runName = (m) => `Chromium ${m.chromium ?? '?'}, commit ${m.commit}, ${m.startedAt?.slice(0, 10) ?? '?'}${m.idle ? '' : ', not idle'}`
const cell = (r) => (r ? `${fmt(r.value)} ${r.unit ?? ''}${r.pass === true ? ' ✓' : r.pass === false ? ' **✗**' : ''}`.trim() : 'not measured')
const key = (r) => `${r.name}\u0000${r.size ?? ''}`
const compared = others.length === 0 ? [] : [
  '',
  `Every figure with a target, this run beside the earlier run${others.length > 1 ? 's' : ''} kept in ${others.map((o) => `\`bench/${o.file}\``).join(', ')} (✓ met, ✗ missed):`,
  '',
  `| figure | size | target | ${[meta, ...others.map((o) => o.meta)].map(runName).join(' | ')} |`,
  `| --- | ---: | ---: |${' ---: |'.repeat(1 + others.length)}`,
  ...rows
    .filter((r) => r.target !== null && r.target !== undefined)
    .map((r) => {
      const target = `${r.stat === 'min' ? '≥' : '≤'} ${fmt(r.target)}${r.stat === 'p95' ? ' (p95)' : ''}`
      const theirs = others.map((o) => cell(o.rows.find((x) => key(x) === key(r))))
      return `| ${r.name} | ${r.size ? r.size.toLocaleString('en-US') : '—'} | ${target} | ${cell(r)} | ${theirs.join(' | ')} |`
    }),
]
const when = meta.startedAt ? meta.startedAt.slice(0, 16).replace('T', ' ') : '?'
const lines = [
  `Run of ${when} UTC, commit ${meta.commit}${meta.dirty ? ' (with uncommitted changes)' : ''}, Chromium ${meta.chromium ?? '?'}, ` +
    `${meta.cores} × ${meta.cpu}; load average before the run ${load(meta.loadAverageBefore)} (${meta.idle ? 'idle' : 'not idle'}), after ${load(meta.loadAverageAfter)}.`,
  meta.uptime ? `\`uptime\` before the run: \`${meta.uptime}\`.` : '',
  `Produced by \`npm run bench${meta.options?.length ? ` -- ${meta.options.join(' ')}` : ''}\`, copied by \`node bench/readme-table.mjs\`; \`bench/README.md\` says how each is measured.`,
  '',
  '| figure | size | median | p95 | baseline | ratio | target | result |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ...table,
  ...compared,
  '',
  'What each figure measures:',
  '',
  ...[...new Set(rows.map((r) => r.name))].map((n) => `- **${n}**: ${WHAT[n] ?? 'see `bench/README.md`'}`),
  ...[...new Set(rows.filter((r) => r.baselineIs).map((r) => `- baseline of **${r.name}**: ${r.baselineIs}`))],
].filter((l, i, a) => l !== '' || a[i - 1] !== '')
const readme = readFileSync(readmePath, 'utf8')
if (!/<!-- bench:start -->[\s\S]*<!-- bench:end -->/.test(readme)) {
  console.error('README.md has no <!-- bench:start --> … <!-- bench:end --> markers')
  process.exit(1)
}
writeFileSync(readmePath, readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${lines.join('\n')}\n<!-- bench:end -->`))
console.log(`README.md: ${table.length} figures from the run of ${when} UTC (commit ${meta.commit})`)
if (missing.length) console.warn(`no line in bench/readme-table.mjs says what these measure: ${missing.join('; ')}`)
