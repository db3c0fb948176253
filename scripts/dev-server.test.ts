// `npm run dev` wraps Vite in npm and a shell. Stopping it by the PID one has (npm's) must stop
// the server too, or a stale server keeps answering on the port.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://localhost:${port}/`, { signal: AbortSignal.timeout(2000) })
    return true
  } catch {
    return false
  }
}

describe('npm run dev', () => {
  it('stops serving when npm is stopped by its PID', async () => {
    const port = await freePort()
    const npm = spawn('npm', ['run', 'dev', '--', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    try {
      await expect.poll(() => answers(port), { timeout: 45_000, interval: 250 }).toBe(true)
      const exited = new Promise((resolve) => npm.once('exit', resolve))
      npm.kill('SIGTERM')
      await exited
      await expect.poll(() => answers(port), { timeout: 10_000, interval: 250 }).toBe(false)
      // A clean start: no warning about the config's imports or anything else.
      expect(output).not.toMatch(/\(!\)|warn/i)
    } finally {
      npm.kill('SIGKILL')
    }
  }, 60_000)
})
