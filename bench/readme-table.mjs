// Copies the latest bench/results.json into README.md (between the bench markers), with the
// date of the run and the machine it ran on: node bench/readme-table.mjs
import { execFileSync } from 'node:child_process'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

const resultsPath = new URL('./results.json', import.meta.url)
const readmePath = new URL('../README.md', import.meta.url)
const results = JSON.parse(readFileSync(resultsPath, 'utf8'))
const when = statSync(resultsPath).mtime.toISOString().slice(0, 16).replace('T', ' ')
const cpu = cpus()
// The browser's version matters as much as the CPU: IndexedDB's speed changes between releases.
const chromium = (() => {
  try {
    return execFileSync(process.env.CHROME_PATH || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).match(/[\d.]+/)?.[0]
  } catch {
    return undefined
  }
})()
const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Debian's Chromium${chromium ? ` ${chromium}` : ''}`

const fmt = (x) => (x === null || x === undefined ? '—' : typeof x === 'number' ? String(Math.round(x * 100) / 100) : String(x))
const rows = results
  .filter((r) => r.kind !== 'diagnostic')
  .map((r) => {
    const ratio = typeof r.baseline === 'number' && typeof r.value === 'number' && r.value > 0 ? `×${fmt(r.baseline / r.value)}` : '—'
    const pass = r.pass === true ? 'pass' : r.pass === false ? '**miss**' : '—'
    return `| ${r.name} | ${r.size ? r.size.toLocaleString('en-US') : '—'} | ${fmt(r.value)} ${r.unit ?? ''} | ${fmt(r.p95)} | ${fmt(r.baseline)} | ${ratio} | ${fmt(r.target)} | ${pass} |`
  })
const table = [
  `Latest run: ${when} UTC on ${machine}. Produced by \`npm run bench\`, copied by \`node bench/readme-table.mjs\`;`,
  'see `bench/README.md` for what each figure measures and its baseline.',
  '',
  '| figure | size | median | p95 | baseline | ratio | target | result |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ...rows,
].join('\n')
const readme = readFileSync(readmePath, 'utf8')
const next = readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`)
writeFileSync(readmePath, next)
console.log(`README.md: ${rows.length} figures from ${when}`)
