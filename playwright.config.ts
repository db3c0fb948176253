import { defineConfig, devices } from '@playwright/test'

const CI = !!process.env.CI

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
  outputDir: 'test-results/e2e-artifacts',
  workers: 2,
  // Every test has its own browser context (and so its own IndexedDB): tests never share state.
  fullyParallel: true,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: 'http://localhost:4173',
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
    command: './node_modules/.bin/vite preview --port 4173 --strictPort',
    url: 'http://localhost:4173',
    reuseExistingServer: !CI,
    timeout: 60_000,
  },
})
