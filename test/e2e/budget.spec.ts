import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect, test, type Page } from '@playwright/test'
import { chooseLanguage } from './helpers.ts'

const BUDGET_KB = 130
const WEB_ROOT = process.env.E2E_WEB_ROOT ?? 'dist'

const gzipSize = (path: string) => gzipSync(readFileSync(join(WEB_ROOT, path)), { level: 9 }).length

/**
 * JS and CSS files the page really loaded for the screen, with their gzip size from the build folder.
 * The service worker and the sync worker start after the first paint and work in the background (the
 * sync worker carries its own copy of Dexie): they are printed, not counted.
 */
function recordAssets(page: Page): Map<string, number> {
  const sizes = new Map<string, number>()
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname
    if (!/\.(js|css)$/.test(path)) return
    if (path === '/sw.js' || path.startsWith('/assets/sync.worker-')) {
      console.log(`  background, not counted: ${(gzipSize(path) / 1024).toFixed(1)} KB  ${path}`)
      return
    }
    sizes.set(path, gzipSize(path))
  })
  return sizes
}

/** The start style and the picker's tap script travel inline in index.html (scripts/inline-start-files.ts): counted too. */
function inlineSize(): number {
  const html = readFileSync(join(WEB_ROOT, 'index.html'), 'utf8')
  const inline = [...html.matchAll(/<(style|script)>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!).join('')
  return gzipSync(inline, { level: 9 }).length
}

function report(label: string, sizes: Map<string, number>): number {
  sizes.set('inline in index.html (start style, picker taps)', inlineSize())
  const total = [...sizes.values()].reduce((a, b) => a + b, 0) / 1024
  const rows = [...sizes].sort((a, b) => b[1] - a[1]).map(([p, s]) => `  ${(s / 1024).toFixed(1).padStart(6)} KB  ${p}`)
  console.log(`${label}: ${total.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)\n${rows.join('\n')}`)
  return total
}

test('the start screen loads at most 130 KB of JS and CSS (gzip)', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  const sizes = recordAssets(page)
  await page.reload()
  await expect(page.getByTestId('meetup').first()).toBeVisible()
  expect(report('start screen (/meetups, German)', sizes)).toBeLessThanOrEqual(BUDGET_KB)
})

test('the first-start language picker stays within the budget too', async ({ page }) => {
  const sizes = recordAssets(page)
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'العربية' })).toBeVisible()
  expect(report('first start (language picker)', sizes)).toBeLessThanOrEqual(BUDGET_KB)
})
