import { defineConfig, devices } from '@playwright/test'

const CI = !!process.env.CI
// Another build and port can be tested side by side: E2E_PORT=4180 E2E_DIST=dist-other.
const PORT = Number(process.env.E2E_PORT ?? 4173)
const DIST = process.env.E2E_DIST ?? 'dist'

// Debian's Chromium, not a downloaded one: these machines cannot run `playwright install`.
// The networking flags stop Chromium from flooding a closed network with doomed connections.
const launchOptions = {
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties its output folder on start: keep it apart from test-results/unit.json.
  outputDir: process.env.E2E_ARTIFACTS ?? 'test-results/e2e-artifacts',
  workers: 2,
  // Every test has its own browser context (and so its own IndexedDB): tests never share state.
  fullyParallel: true,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions,
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  // The production build (service worker included), served as is; `npm run test:e2e` builds first.
  webServer: {
    command: `./node_modules/.bin/vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !CI,
    timeout: 60_000,
  },
})
