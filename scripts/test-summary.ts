// Prints one plain closing line for the whole suite ("N passed, N failed"), from the runners' JSON reports.
import { existsSync, readFileSync } from 'node:fs'

interface VitestReport { numPassedTests: number; numFailedTests: number; numPendingTests: number }
interface PlaywrightReport { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }

let passed = 0
let failed = 0
let skipped = 0
if (existsSync('reports/vitest.json')) {
  const v = JSON.parse(readFileSync('reports/vitest.json', 'utf8')) as VitestReport
  passed += v.numPassedTests
  failed += v.numFailedTests
  skipped += v.numPendingTests
}
if (existsSync('reports/e2e.json')) {
  const p = JSON.parse(readFileSync('reports/e2e.json', 'utf8')) as PlaywrightReport
  passed += p.stats.expected + p.stats.flaky
  failed += p.stats.unexpected
  skipped += p.stats.skipped
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
