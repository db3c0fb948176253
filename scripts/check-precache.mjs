#!/usr/bin/env node
// After `vite build`: every emitted file must be in the service worker's precache list (so the
// app works offline after one visit), none may exceed 2 MiB, and the list as a learner downloads
// it (each file gzip-compressed, as servers send it) stays within 330 KiB. Exits 1 listing each
// problem.
// Usage: node scripts/check-precache.mjs [distDir]
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

const dist = process.argv[2] ?? 'dist'
const LIMIT = 2 * 1024 * 1024
/**
 * The build's guard on the precache: gzip bytes of every precached file (zlib's default level, as
 * servers use). The performance target stays 300 KB (npm run bench reports against it); the guard
 * sits above it since every problem of a file a learner imports or restores is explained in both
 * languages, typed answers are read in many more forms, ordering and matching answers are drawn
 * as marked lists and an answer is kept until stored (324.4 KiB when the guard moved from 320 to
 * 330): it stops growth, it does not say the target is met.
 */
const BUDGET = 330 * 1024
// The service worker and its runtime are what does the caching; they are not cached themselves.
// The PNG icons are fetched by the browser when the app is installed and shown by no screen.
// The in-memory database (fake-indexeddb) only runs where IndexedDB is blocked, and a browser
// that blocks IndexedDB blocks Cache Storage and service workers too: offline it is never used.
// The backup-import worker: where it cannot load (offline, first use) the import runs on the page.
const EXEMPT = [/^sw\.js$/, /^workbox-[\w-]+\.js$/, /\.map$/, /^[\w-]+\.png$/, /^assets\/fake-indexeddb-[\w-]+\.js$/, /^assets\/backup\.worker-[\w-]+\.js$/]

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) yield* walk(p)
    else yield p
  }
}

const sw = readFileSync(join(dist, 'sw.js'), 'utf8')
const precached = new Set([...sw.matchAll(/url:\s*"([^"]+)"/g)].map((m) => m[1].replace(/^\//, '')))
const problems = []
let total = 0
let gzipTotal = 0
let count = 0
for (const file of walk(dist)) {
  const rel = relative(dist, file).split('\\').join('/')
  const size = statSync(file).size
  if (size > LIMIT) problems.push(`${rel}: ${(size / 1024 / 1024).toFixed(2)} MiB is larger than the 2 MiB limit`)
  if (EXEMPT.some((re) => re.test(rel))) continue
  if (!precached.has(rel)) problems.push(`${rel}: emitted but not in the precache list (check workbox.globPatterns in vite.config.ts)`)
  else {
    total += size
    gzipTotal += gzipSync(readFileSync(file)).length
    count++
  }
}
for (const url of precached) {
  try {
    statSync(join(dist, url))
  } catch {
    problems.push(`${url}: in the precache list but not emitted`)
  }
}
if (gzipTotal > BUDGET) {
  problems.push(`${(gzipTotal / 1024).toFixed(1)} KiB gzip is over the ${BUDGET / 1024} KiB guard: see which files grew (npm run bench lists what each screen fetches)`)
}
for (const p of problems) console.error(`precache: ${p}`)
console.log(`precache: ${count} files, ${(total / 1024).toFixed(1)} KiB, ${(gzipTotal / 1024).toFixed(1)} KiB gzip (guard ${BUDGET / 1024}, target 300)${problems.length ? `, ${problems.length} problems` : ', OK'}`)
process.exit(problems.length ? 1 : 0)
