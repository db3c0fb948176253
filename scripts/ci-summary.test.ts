import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const script = fileURLToPath(new URL('./ci-summary.mjs', import.meta.url))
const dirs: string[] = []

function summarize(files: Record<string, unknown>): { lastLine: string; code: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ci-summary-'))
  dirs.push(dir)
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content))
  }
  const run = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' })
  const lines = run.stdout.trimEnd().split('\n')
  return { lastLine: lines[lines.length - 1] ?? '', code: run.status, out: run.stdout }
}

const steps = (...rows: string[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n'
const unit = (passed: number, failed: number, pending = 0) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: pending,
  numTodoTests: 0,
  success: failed === 0,
})
const e2e = (expected: number, unexpected: number, flaky = 0, skipped = 0, errors: unknown[] = []) => ({
  stats: { expected, unexpected, flaky, skipped },
  errors,
})

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

// Each test starts a Node process: quick when idle, seconds on a busy 2-core machine.
describe('ci-summary', { timeout: 20_000 }, () => {
  it('totals unit tests, e2e tests and step checks in one last line, exiting 0 when all passed', () => {
    const r = summarize({
      'steps.tsv': steps(['check', 'lint', '0'], ['check', 'typecheck', '0'], ['suite', 'unit', '0'], ['check', 'build', '0'], ['suite', 'e2e', '0']),
      'unit.json': unit(40, 0),
      'e2e.json': e2e(12, 0),
    })
    expect(r.lastLine).toBe('55 passed, 0 failed')
    expect(r.code).toBe(0)
  })

  it('counts failed checks and failed tests, and exits 1', () => {
    const r = summarize({
      'steps.tsv': steps(['check', 'lint', '1'], ['suite', 'unit', '1'], ['suite', 'e2e', '1']),
      'unit.json': unit(10, 2),
      'e2e.json': e2e(5, 3),
    })
    expect(r.lastLine).toBe('15 passed, 6 failed')
    expect(r.code).toBe(1)
  })

  it('counts a test that passed only on a retry as flaky and names it, and names skipped tests with their reason', () => {
    const r = summarize({
      'steps.tsv': steps(['suite', 'unit', '0', '61'], ['suite', 'e2e', '0', '540']),
      'unit.json': unit(3, 0, 1),
      'e2e.json': {
        stats: { expected: 2, unexpected: 0, flaky: 1, skipped: 2 },
        errors: [],
        suites: [
          {
            title: 'offline.spec.ts',
            specs: [
              { title: 'reload works offline', tests: [{ status: 'flaky', results: [{ status: 'failed' }, { status: 'passed' }] }] },
              { title: 'installs', tests: [{ status: 'expected' }] },
            ],
            suites: [
              {
                title: 'storage',
                specs: [
                  { title: 'quota', tests: [{ status: 'skipped', annotations: [{ type: 'skip', description: 'needs a real disk' }] }] },
                  { title: 'bare skip', tests: [{ status: 'skipped', annotations: [] }] },
                  { title: 'reads', tests: [{ status: 'expected' }] },
                ],
              },
            ],
          },
        ],
      },
    })
    expect(r.lastLine).toBe('5 passed, 0 failed, 1 flaky, 3 skipped')
    expect(r.code).toBe(0)
    expect(r.out).toContain('flaky:\n  e2e › offline.spec.ts › reload works offline (passed on retry 1)')
    expect(r.out).toContain('e2e › offline.spec.ts › storage › quota (needs a real disk)')
    expect(r.out).toContain('e2e › offline.spec.ts › storage › bare skip (skipped without a reason)')
    expect(r.out).toContain('pass  e2e: 2 passed, 0 failed, 1 flaky, 2 skipped [540s]')
  })

  it('names every failed unit test and each step with its duration', () => {
    const r = summarize({
      'steps.tsv': steps(['check', 'lint', '0', '12'], ['check', 'typecheck', '124', '240'], ['suite', 'unit', '1', '70']),
      'unit.json': {
        success: false,
        testResults: [
          {
            name: '/repo/src/domain/content/answer.test.ts',
            status: 'failed',
            assertionResults: [
              { status: 'passed', fullName: 'grades a right answer' },
              { status: 'failed', fullName: 'checkAnswer takes "a quarter" for 1/4' },
              { status: 'skipped', fullName: 'a skipped one' },
            ],
          },
          { name: '/repo/src/db/broken.test.ts', status: 'failed', message: 'SyntaxError: bad\nmore', assertionResults: [] },
        ],
      },
    })
    expect(r.lastLine).toBe('2 passed, 2 failed, 1 skipped')
    expect(r.out).toContain('pass  lint [12s]')
    expect(r.out).toContain('FAIL  typecheck (exit 124: ran past its time limit) [240s]')
    expect(r.out).toContain('unit › src/domain/content/answer.test.ts › checkAnswer takes "a quarter" for 1/4')
    expect(r.out).toContain('unit › src/db/broken.test.ts: SyntaxError: bad')
  })

  it('fails a runner that left no report', () => {
    const r = summarize({ 'steps.tsv': steps(['check', 'lint', '0'], ['suite', 'unit', '1']) })
    expect(r.lastLine).toBe('1 passed, 1 failed')
    expect(r.out).toContain('unit: no test report')
  })

  it('fails a runner that exited non-zero or had errors outside any test, though no test failed', () => {
    const r = summarize({
      'steps.tsv': steps(['suite', 'unit', '1'], ['suite', 'e2e', '0']),
      'unit.json': unit(7, 0),
      'e2e.json': e2e(0, 0, 0, 0, [{ message: 'webServer did not start' }]),
    })
    expect(r.lastLine).toBe('7 passed, 2 failed')
  })

  it('counts a step that could not run as a failure, with its reason', () => {
    const r = summarize({
      'steps.tsv': steps(['check', 'build', '2'], ['blocked', 'e2e tests', 'the build failed'], ['blocked', 'grounding', 'no ../shared/tools/check-grounding.mjs beside this clone']),
    })
    expect(r.lastLine).toBe('0 passed, 3 failed')
    expect(r.out).toContain('FAIL  grounding: could not run: no ../shared/tools/check-grounding.mjs beside this clone')
    expect(r.code).toBe(1)
  })

  it('fails when no step was recorded at all', () => {
    const r = summarize({})
    expect(r.lastLine).toBe('0 passed, 1 failed')
    expect(r.code).toBe(1)
  })
})
