import { expect, test } from '@playwright/test'
import { chooseLanguage, waitForServiceWorker } from './helpers.ts'

test('the service worker controls the page and precaches the app shell', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  await waitForServiceWorker(page)
  const cached = await page.evaluate(async () => {
    const names = await caches.keys()
    const urls: string[] = []
    for (const name of names) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname)
    return { names, urls, controlled: navigator.serviceWorker.controller !== null }
  })
  expect(cached.controlled).toBe(true)
  expect(cached.names.some((n) => n.includes('precache'))).toBe(true)
  expect(cached.urls).toContain('/index.html')
  expect(cached.urls.some((u) => /\/assets\/ar-.*\.js$/.test(u))).toBe(true)
  expect(cached.urls).toContain('/manifest.webmanifest')
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
