#!/usr/bin/env node
// Totals a CI run for .ci/run: every unit test (Vitest's JSON report), every end-to-end test
// (Playwright's JSON report) and each step check (lint, typecheck, build, ...). Prints each step
// with its duration, names every failed, flaky and skipped test, then as its very last line
// "N passed, N failed" (", N flaky" and ", N skipped" when there are some). Nothing is hidden:
// - a test that passed only on a retry is flaky, not passed, and is named;
// - a skipped test is named with its reason;
// - a step that could not run is a failure, with its reason.
// Exits 1 when anything failed.
//
// usage: node scripts/ci-summary.mjs <results dir>
// The dir holds steps.tsv, written by .ci/run, one line per step:
//   check   <TAB> name <TAB> exit code <TAB> seconds   a step that counts as one test
//   suite   <TAB> unit|e2e <TAB> exit code <TAB> seconds   a test runner; its tests come from <name>.json
//   blocked <TAB> name <TAB> reason                   a step that could not run (one failure)
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2] ?? 'test-results'
const total = { passed: 0, failed: 0, flaky: 0, skipped: 0 }
const notes = []
/** Tests named below the step lines: failed, flaky, skipped. */
const named = { failed: [], flaky: [], skipped: [] }

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

const took = (seconds) => (seconds === undefined || seconds === '' ? '' : ` [${seconds}s]`)

/** Vitest's JSON reporter (Jest's shape). */
function unitCounts(report) {
  const c = { passed: 0, failed: 0, flaky: 0, skipped: 0, errors: 0 }
  const files = Array.isArray(report.testResults) ? report.testResults : []
  for (const file of files) {
    const where = String(file.name ?? '').replace(/^.*?\/(src|scripts|build|tests)\//, '$1/')
    for (const t of file.assertionResults ?? []) {
      const name = `unit › ${where} › ${t.fullName ?? t.title}`
      if (t.status === 'passed') c.passed++
      else if (t.status === 'failed') {
        c.failed++
        named.failed.push(name)
      } else {
        c.skipped++
        named.skipped.push(`${name} (${t.status === 'todo' ? 'todo' : 'skipped in the code'})`)
      }
    }
    // A file that failed to load has no tests but a message.
    if (file.status === 'failed' && !(file.assertionResults ?? []).length) {
      c.errors++
      named.failed.push(`unit › ${where}: ${String(file.message ?? 'failed to run').split('\n')[0]}`)
    }
  }
  if (!files.length) {
    // An older or partial report: the totals are all there is.
    c.passed = report.numPassedTests ?? 0
    c.failed = report.numFailedTests ?? 0
    c.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  }
  if (report.success === false && !c.failed && !c.errors) c.errors = 1
  return c
}

/** Every test of a Playwright JSON report, with the titles of the suites around it. */
function* playwrightTests(suites, path = []) {
  for (const suite of suites ?? []) {
    const here = suite.title ? [...path, suite.title] : path
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) yield { title: [...here, spec.title].join(' › '), test }
    }
    yield* playwrightTests(suite.suites, here)
  }
}

/** Playwright's JSON reporter: expected, unexpected, flaky (passed on a retry) and skipped. */
function e2eCounts(report) {
  const c = { passed: 0, failed: 0, flaky: 0, skipped: 0, errors: 0 }
  let seen = 0
  for (const { title, test } of playwrightTests(report.suites)) {
    seen++
    const name = `e2e › ${title}`
    if (test.status === 'expected') c.passed++
    else if (test.status === 'flaky') {
      c.flaky++
      named.flaky.push(`${name} (passed on retry ${Math.max(1, (test.results?.length ?? 2) - 1)})`)
    } else if (test.status === 'skipped') {
      c.skipped++
      const why = (test.annotations ?? []).find((a) => a.type === 'skip' || a.type === 'fixme')?.description
      named.skipped.push(`${name} (${why || 'skipped without a reason'})`)
    } else {
      c.failed++
      named.failed.push(name)
    }
  }
  if (!seen) {
    const s = report.stats ?? {}
    c.passed = s.expected ?? 0
    c.failed = s.unexpected ?? 0
    c.flaky = s.flaky ?? 0
    c.skipped = s.skipped ?? 0
  }
  // Errors outside any test: the web server did not start, a spec did not load, ...
  for (const e of Array.isArray(report.errors) ? report.errors : []) {
    c.errors++
    named.failed.push(`e2e: ${String(e.message ?? e).split('\n')[0]}`)
  }
  return c
}

const stepsFile = join(dir, 'steps.tsv')
const lines = existsSync(stepsFile) ? readFileSync(stepsFile, 'utf8').split('\n').filter(Boolean) : []
if (!lines.length) {
  notes.push('FAIL  no steps recorded')
  total.failed++
}

for (const line of lines) {
  const [kind, name, value = '', seconds] = line.split('\t')
  if (kind === 'check') {
    const ok = value === '0'
    total[ok ? 'passed' : 'failed']++
    notes.push(`${ok ? 'pass' : 'FAIL'}  ${name}${ok ? '' : ` (exit ${value}${value === '124' ? ': ran past its time limit' : ''})`}${took(seconds)}`)
  } else if (kind === 'blocked') {
    total.failed++
    notes.push(`FAIL  ${name}: could not run: ${value}`)
  } else if (kind === 'suite') {
    const report = readJson(join(dir, `${name}.json`))
    if (!report) {
      total.failed++
      notes.push(`FAIL  ${name}: no test report (exit ${value}${value === '124' ? ': ran past its time limit' : ''})${took(seconds)}`)
      continue
    }
    const c = name === 'e2e' ? e2eCounts(report) : unitCounts(report)
    // A runner that failed without a failing test (crash, unhandled error, setup error) still fails once.
    const extra = c.failed === 0 && (c.errors > 0 || value !== '0') ? 1 : 0
    total.passed += c.passed
    total.failed += c.failed + extra
    total.flaky += c.flaky
    total.skipped += c.skipped
    notes.push(
      `${c.failed + extra ? 'FAIL' : 'pass'}  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.flaky} flaky, ${c.skipped} skipped` +
        (extra ? ` (+1: exit ${value}${c.errors ? `, ${c.errors} error(s) outside tests` : ''})` : '') +
        took(seconds),
    )
  } else {
    total.failed++
    notes.push(`FAIL  unreadable step line: ${line}`)
  }
}

for (const note of notes) console.log(note)
for (const [label, list] of [['failed', named.failed], ['flaky', named.flaky], ['skipped', named.skipped]]) {
  if (!list.length) continue
  console.log(`${label}:`)
  for (const name of list) console.log(`  ${name}`)
}
console.log(
  `${total.passed} passed, ${total.failed} failed` +
    (total.flaky ? `, ${total.flaky} flaky` : '') +
    (total.skipped ? `, ${total.skipped} skipped` : ''),
)
process.exit(total.failed ? 1 : 0)
