import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { chooseLanguage, waitForServiceWorker } from './helpers.ts'

const WEB_ROOT = process.env.E2E_WEB_ROOT ?? 'dist'

/** Every path in the page's Cache Storage, and whether a service worker controls the page. */
async function cachedPaths(page: Page): Promise<{ names: string[]; urls: string[]; controlled: boolean }> {
  return page.evaluate(async () => {
    const names = await caches.keys()
    const urls: string[] = []
    for (const name of names) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname)
    return { names, urls, controlled: navigator.serviceWorker.controller !== null }
  })
}

/** The build's files for a source path pattern, from Vite's manifest (e.g. the coordinator workspace's). */
function builtFiles(source: RegExp): string[] {
  const manifest = JSON.parse(readFileSync(join(WEB_ROOT, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>
  return Object.entries(manifest)
    .filter(([key]) => source.test(key))
    .map(([, chunk]) => `/${chunk.file}`)
}

test('the service worker precaches the newcomer shell in German, no other language and not the coordinator workspace', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  await waitForServiceWorker(page)
  const cached = await cachedPaths(page)
  expect(cached.controlled).toBe(true)
  expect(cached.names.some((n) => n.includes('precache'))).toBe(true)
  expect(cached.urls).toContain('/index.html')
  expect(cached.urls).toContain('/manifest.webmanifest')
  expect(cached.urls.some((u) => /\/assets\/guide-.*\.js$/.test(u))).toBe(true) // the guide's pages (scripts/view-bundles.ts)
  const otherLanguages = builtFiles(/^locales\/(en|uk|ar)\.json\?part=(start|later)$/) // two parts each (src/i18n/text-parts.ts)
  const workspace = builtFiles(/^(src|locales)\/coordination\//)
  expect(otherLanguages).toHaveLength(6)
  expect(workspace.length).toBeGreaterThan(10)
  expect(cached.urls.filter((u) => otherLanguages.includes(u) || workspace.includes(u))).toEqual([])
})

test('a newcomer who chose Arabic online can reload offline and use the app in Arabic; only Arabic is kept', async ({ page, context }) => {
  await chooseLanguage(page, 'العربية')
  await waitForServiceWorker(page)
  const arabic = builtFiles(/^locales\/ar\.json\?part=(start|later)$/)
  expect(arabic).toHaveLength(2) // both parts of the texts are kept, also the one the start screen did not need
  await expect.poll(async () => { const urls = (await cachedPaths(page)).urls; return arabic.every((file) => urls.includes(file)) }).toBe(true)
  expect((await cachedPaths(page)).urls.filter((u) => builtFiles(/^locales\/(en|uk)\.json\?part=(start|later)$/).includes(u))).toEqual([])

  await context.setOffline(true)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('لقاءات قريبة منك')
  await expect(page.getByTestId('meetup').first()).toBeVisible()
  await page.getByRole('navigation').getByRole('link', { name: 'الدليل' }).click()
  await expect(page.getByTestId('phase-planning')).toBeVisible()
})

test('after one online visit, an offline reload still shows the meetups', async ({ page, context }) => {
  await chooseLanguage(page, 'Deutsch')
  await waitForServiceWorker(page)
  const titles = await page.getByTestId('meetup').getByRole('heading').allTextContents()
  expect(titles.length).toBeGreaterThan(3)

  await context.setOffline(true)
  await page.reload()
  await expect(page.getByTestId('meetup').first()).toBeVisible()
  expect(await page.getByTestId('meetup').getByRole('heading').allTextContents()).toEqual(titles)
  await expect(page.getByTestId('offline')).toBeVisible()
  await expect(page.getByTestId('last-updated')).toContainText('Aktualisiert')

  // A deep link opens from the cache too.
  await page.goto('/more')
  await expect(page.getByRole('heading', { level: 1, name: 'Mehr' })).toBeVisible()
})

test('the page requests nothing from any other origin', async ({ page, baseURL }) => {
  const foreign: string[] = []
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) foreign.push(req.url())
  })
  await chooseLanguage(page, 'Українська')
  for (const path of ['/guide', '/volunteering', '/more', '/meetups']) await page.goto(path)
  expect(foreign).toEqual([])
})

test('the start stylesheet is inline in the page: nothing loads it as a file, not even a lazy chunk that names it', async ({ page }) => {
  const loaded: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (/^\/assets\/index-[\w-]+\.css$/.test(path)) loaded.push(path)
  })
  await chooseLanguage(page, 'Deutsch')
  // A step's feedback question loads the outbox code when an answer is sent; its chunk lists the start stylesheet.
  await page.goto('/guide/step/register-address')
  const question = page.getByRole('region', { name: 'Hat Ihnen das geholfen?' })
  await question.getByRole('radio', { name: 'Ja' }).check()
  await question.getByRole('button', { name: 'Antwort senden' }).click()
  await expect(question.getByTestId('feedback-state')).toHaveText('Gesendet.')
  await expect(page.locator('.app-header')).toHaveCSS('display', 'flex') // the inline style applies
  expect(loaded).toEqual([])
})
