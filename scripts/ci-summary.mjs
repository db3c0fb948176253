#!/usr/bin/env node
// Totals a CI run for .ci/run: every unit test (Vitest's JSON report), every end-to-end test
// (Playwright's JSON report) and each step check (lint, typecheck, build, ...). Prints what it
// counted, then as its very last line "N passed, N failed" (", N skipped" when some were).
// Exits 1 when anything failed.
//
// usage: node scripts/ci-summary.mjs <results dir>
// The dir holds steps.tsv, written by .ci/run, one line per step:
//   check <TAB> name <TAB> exit code        a step that counts as one test
//   suite <TAB> unit|e2e <TAB> exit code    a test runner; its tests come from <name>.json
//   skip  <TAB> name <TAB> reason           a step that could not run (counts as one skipped)
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2] ?? 'test-results'
const total = { passed: 0, failed: 0, skipped: 0 }
const notes = []

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** Vitest's JSON reporter (Jest's shape). */
function unitCounts(report) {
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    errors: report.success === false && !report.numFailedTests ? 1 : 0,
  }
}

/** Playwright's JSON reporter: a test that passed on retry (flaky) counts as passed. */
function e2eCounts(report) {
  const s = report.stats ?? {}
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: s.unexpected ?? 0,
    skipped: s.skipped ?? 0,
    // Errors outside any test: the web server did not start, a spec did not load, ...
    errors: Array.isArray(report.errors) ? report.errors.length : 0,
  }
}

const stepsFile = join(dir, 'steps.tsv')
const lines = existsSync(stepsFile) ? readFileSync(stepsFile, 'utf8').split('\n').filter(Boolean) : []
if (!lines.length) {
  notes.push('FAIL  no steps recorded')
  total.failed++
}

for (const line of lines) {
  const [kind, name, value = ''] = line.split('\t')
  if (kind === 'check') {
    const ok = value === '0'
    total[ok ? 'passed' : 'failed']++
    notes.push(`${ok ? 'pass' : 'FAIL'}  ${name}${ok ? '' : ` (exit ${value})`}`)
  } else if (kind === 'skip') {
    total.skipped++
    notes.push(`skip  ${name}: ${value}`)
  } else if (kind === 'suite') {
    const report = readJson(join(dir, `${name}.json`))
    if (!report) {
      total.failed++
      notes.push(`FAIL  ${name}: no test report (exit ${value})`)
      continue
    }
    const c = name === 'e2e' ? e2eCounts(report) : unitCounts(report)
    total.passed += c.passed
    total.failed += c.failed
    total.skipped += c.skipped
    // A runner that failed without a failing test (crash, unhandled error, setup error) still fails once.
    const extra = c.failed === 0 && (c.errors > 0 || value !== '0') ? 1 : 0
    total.failed += extra
    notes.push(
      `${c.failed + extra ? 'FAIL' : 'pass'}  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` +
        (extra ? ` (+1: exit ${value}${c.errors ? `, ${c.errors} error(s) outside tests` : ''})` : ''),
    )
  } else {
    total.failed++
    notes.push(`FAIL  unreadable step line: ${line}`)
  }
}

for (const note of notes) console.log(note)
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`)
process.exit(total.failed ? 1 : 0)
