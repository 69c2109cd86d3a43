import { execSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { E2E_PASSWORD } from './test/e2e/e2e-accounts.ts'

/** Debian's Chromium (apt-get install chromium), or CHROME_PATH; browsers are never downloaded. */
function chromiumPath(): string {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH
  try {
    return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' }).toString().trim()
  } catch {
    throw new Error(
      'No Chromium found for the browser tests. Install Debian\'s package with "sudo apt-get install chromium", ' +
        'or set CHROME_PATH to a Chromium or Chrome binary.',
    )
  }
}

const PORT = Number(process.env.E2E_PORT ?? 4173)

// A fresh data folder per run, named here so tests can read what the server wrote there (mails as .eml
// files in DATA_DIR/mail/, no SMTP_URL). Workers inherit the runner's environment, so all see one folder.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'willkommen-e2e-'))

// Parallel work in one checkout can build into its own folder: E2E_WEB_ROOT=/tmp/dist-x E2E_PORT=4174.
const WEB_ROOT = process.env.E2E_WEB_ROOT ?? new URL('./dist', import.meta.url).pathname

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  // Caps on waiting, not timings: on a busy 2-core machine a first sync can take longer than Playwright's
  // default 5 s (the CI run of 2026-11-29 lost 15 tests to it while other work ran).
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    ...devices['Pixel 7'],
    browserName: 'chromium',
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // A fresh database per run, with three coordinator accounts made by the real CLI (see E2E_COORDINATORS).
    command: [
      'export DATA_DIR="$E2E_DATA_DIR"',
      'node scripts/coordinator-add.ts --email admin@example.org --role admin',
      'node scripts/coordinator-add.ts --email stendal@example.org --district stendal',
      'node scripts/coordinator-add.ts --email harz@example.org --district harz',
      'exec node server/server.ts',
    ].join(' && '),
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    // Three accounts are made before the server starts, each opening the database: on a 2-core machine busy with
    // other builds that took over 3 minutes (2026-11-30), so the cap on waiting is 10.
    timeout: 600_000,
    env: { WEB_ROOT, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_DATA: 'true', COORDINATOR_PASSWORD: E2E_PASSWORD, LOGIN_ATTEMPTS: '1000', MAIL_POLL_SECONDS: '1' },
  },
})
