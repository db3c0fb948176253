// Offline and update helpers: wait for the service worker to take over a page, run a preview
// server of our own that a test can stop and restart, and make a "next version" of a build.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, type Page } from '@playwright/test'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The build under test, as playwright.config.ts serves it. */
export const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist')

/**
 * Waits until the service worker is active and controls the page. The first visit is not
 * controlled (the worker installs behind it); it takes over on the next load, as for a learner.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null)
  if (!(await controlled())) await page.reload()
  await expect.poll(controlled, { message: 'the service worker controls the page' }).toBe(true)
}

/** A TCP port nobody listens on right now (other specs use their own fixed ones). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))))
    })
  })
}

export interface PreviewServer {
  readonly url: string
  /** Stops the server and waits until the process has exited (and the port is free again). */
  stop(): Promise<void>
}

/** `vite preview` of one build directory on one port, as a child process this test owns. */
export async function startPreview(dir: string, port: number): Promise<PreviewServer> {
  const child: ChildProcess = spawn(
    resolve(ROOT, 'node_modules/.bin/vite'),
    ['preview', '--port', String(port), '--strictPort', '--outDir', dir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const url = `http://localhost:${port}`
  const server: PreviewServer = {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
  try {
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`)
          return fetch(url).then((r) => r.ok, () => false)
        },
        { message: `vite preview of ${dir} on ${port}`, timeout: 30_000 },
      )
      .toBe(true)
  } catch (e) {
    await server.stop()
    throw e
  }
  return server
}

export const V2_MARK = 'e2e-v2'

/**
 * A copy of `dist` that the browser sees as a new version: index.html carries
 * `<meta name="app-build" content="e2e-v2">`, and sw.js precaches it under a new revision, so
 * the worker script changes byte for byte. Returns the directory; remove it with `rmSync`.
 */
export function makeNextVersion(dist: string = DIST): string {
  const dir = mkdtempSync(join(tmpdir(), 'qwen-study-v2-'))
  cpSync(dist, dir, { recursive: true })
  const indexPath = join(dir, 'index.html')
  const index = readFileSync(indexPath, 'utf8').replace('<head>', `<head>\n    <meta name="app-build" content="${V2_MARK}" />`)
  writeFileSync(indexPath, index)
  const swPath = join(dir, 'sw.js')
  const sw = readFileSync(swPath, 'utf8')
  const revision = createHash('md5').update(index).digest('hex')
  const next = sw.replace(/(\{url:"index\.html",revision:")[0-9a-f]+(")/, `$1${revision}$2`)
  if (next === sw) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error('sw.js does not precache index.html with a revision: the build changed shape')
  }
  writeFileSync(swPath, next)
  return dir
}

/** The build mark of the page's index.html (null for the original build). */
export function buildMark(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('meta[name="app-build"]')?.getAttribute('content') ?? null)
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a'
  if (bytes.subarray(0, 8).toString('hex') !== signature) throw new Error('not a PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}
