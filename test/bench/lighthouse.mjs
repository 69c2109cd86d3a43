// Lighthouse (mobile) on the built app, served by the real server: prints the category scores and the paint
// figures, estimated (Lighthouse's default) and measured on a throttled link.
// Run: npm install --no-save lighthouse && npm run bench:lighthouse   (Lighthouse is not a dependency: its
// dependency tree cannot be locked reproducibly here; needs Debian's chromium or CHROME_PATH)
import { spawn } from 'node:child_process'
import { execSync } from 'node:child_process'
import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'

const PORT = 4181
const chromePath = process.env.CHROME_PATH ?? execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim()
const server = spawn(process.execPath, ['server/server.ts'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: 'memory://', LOG_LEVEL: 'warn' },
  stdio: 'inherit',
})

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('server did not start')
}

try {
  await waitForServer()
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    // Three runs of the start page each way: the score moves with the machine's load, so the median is printed too.
    // Lighthouse's default ("simulate") loads the page unthrottled and estimates the mobile figures from that trace;
    // "devtools" throttles the link (150 ms, 1.6 Mbit/s) and the CPU (4×) while loading and reports what it saw.
    for (const throttlingMethod of ['simulate', 'devtools']) {
      const performanceScores = []
      for (const path of ['/', '/', '/']) {
        const result = await lighthouse(`http://localhost:${PORT}${path}`, {
          port: chrome.port,
          output: 'json',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          throttlingMethod,
        })
        const lhr = result.lhr
        const scores = Object.values(lhr.categories).map((c) => `${c.id} ${Math.round((c.score ?? 0) * 100)}`)
        const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']
          .map((id) => `${id} ${lhr.audits[id]?.displayValue}`)
        performanceScores.push(Math.round((lhr.categories.performance?.score ?? 0) * 100))
        console.log(`${throttlingMethod} ${path} → ${lhr.finalDisplayedUrl}\n  ${scores.join(', ')}\n  ${metrics.join(', ')}`)
        const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        if (failing.length) console.log(`  failing audits: ${failing.map((a) => a.id).join(', ')}`)
      }
      console.log(`${throttlingMethod}: performance ${performanceScores.join(', ')}; median ${performanceScores.sort((a, b) => a - b)[1]}`)
    }
  } finally {
    await chrome.kill()
  }
} finally {
  server.kill('SIGTERM')
}
