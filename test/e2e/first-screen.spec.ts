import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { chooseLanguage, waitForServiceWorker } from './helpers.ts'

const NAMES = ['Deutsch', 'English', 'Українська', 'العربية']
const FIRST_PULL = '/api/v1/sync?since=0&langs=ar&entities=meetups&entities=guideSteps&entities=guideTexts&entities=guideNotes&entities=meetupOccurrences'

/** Holds the app's start script back (a slow link where only the HTML has arrived); call the result to let it through. */
async function holdStartScript(page: Page): Promise<() => void> {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await released
    await route.continue().catch(() => undefined) // the page it was for may have gone
  })
  return release
}

test('without JavaScript the language picker is in the page, each language by its own name, and a link chooses it', async ({ browser }) => {
  const context = await browser.newContext({ ...test.info().project.use, javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Choose your language' })).toBeVisible()
  for (const name of NAMES) await expect(page.getByRole('link', { name, exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'العربية' }).click()
  await expect(page).toHaveURL(/\/\?lang=ar$/)
  await context.close()
})

test('a tap on the prerendered picker before the app has arrived keeps its download and ends in the app in that language; axe clean', async ({ page }) => {
  const release = await holdStartScript(page)
  let startScriptRequests = 0
  page.on('request', (request) => void (/\/assets\/index-[^/]*\.js$/.test(request.url()) && startScriptRequests++))
  await page.goto('/', { waitUntil: 'commit' }) // the held script keeps the page from loading
  const arabic = page.getByRole('link', { name: 'العربية' })
  await expect(arabic).toBeVisible()
  // Once the start stylesheet has arrived (it is not held back), each language is a full-size target.
  await expect.poll(async () => (await arabic.boundingBox())!.height).toBeGreaterThanOrEqual(44)
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([])

  await page.locator('html[data-picker-ready]').waitFor({ state: 'attached' }) // src/app/picker-taps.js, inline in index.html
  await arabic.click()
  await expect(page).toHaveURL(/\/\?lang=ar$/)
  await expect(arabic).toHaveAttribute('aria-current', 'true')
  release()
  await expect(page).toHaveURL(/\/meetups$/)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('لقاءات قريبة منك')
  await expect(page.getByTestId('meetup').first()).toBeVisible()
  expect(startScriptRequests).toBe(1) // the tap did not leave the page and start the app's download again
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('لقاءات قريبة منك')
})

test('a tap before the app has arrived starts the first content, the start screen’s and the guide’s code and the texts at once; the app takes them, asking for the content once, and German after it', async ({ page }) => {
  const release = await holdStartScript(page)
  const asked: string[] = []
  page.on('request', (request) => void asked.push(new URL(request.url()).pathname + new URL(request.url()).search))
  await page.goto('/', { waitUntil: 'commit' })
  await page.locator('html[data-picker-ready]').waitFor({ state: 'attached' })
  await page.getByRole('link', { name: 'العربية' }).click()
  // Still no app: the downloads it will need are under way all the same.
  // The Arabic content without the contacts (src/shared/sync-scope.ts FIRST_ENTITIES).
  await expect.poll(() => asked.filter((path) => path.startsWith('/api/v1/sync?'))).toEqual([FIRST_PULL])
  await expect.poll(() => asked.some((path) => /^\/assets\/ar-[\w-]+\.js$/.test(path))).toBe(true)
  await expect.poll(() => asked.some((path) => /^\/assets\/meetups-[\w-]+\.js$/.test(path))).toBe(true)
  await expect.poll(() => asked.some((path) => /^\/assets\/guide-[\w-]+\.js$/.test(path))).toBe(true) // the next view a newcomer opens
  // And the files the start screen's code imports (the bundler's helpers): a modulepreload fetches only the file
  // itself, and the app would ask for them a round trip later.
  const startCode = readFileSync(join(process.env.E2E_WEB_ROOT ?? 'dist', asked.find((path) => /^\/assets\/meetups-[\w-]+\.js$/.test(path))!), 'utf8')
  for (const [, file] of startCode.matchAll(/from"\.\/([\w.-]+\.js)"/g)) await expect.poll(() => asked, file).toContain(`/assets/${file}`)
  release()
  await expect(page.getByTestId('meetup').first()).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  expect(asked.filter((path) => path.startsWith('/api/v1/sync?since=0&'))).toHaveLength(1) // the app used the answer the tap asked for
  // German, the fallback, and the contacts follow as a language and an entity added to the scope, after the Arabic content.
  await expect.poll(() => asked.filter((path) => path.startsWith('/api/v1/sync?'))).toEqual([
    FIRST_PULL,
    expect.stringMatching(/^\/api\/v1\/sync\?since=\d+&langs=ar&langs=de&addedLangs=de&addedEntities=contacts$/),
  ])
  expect(asked.filter((path) => /^\/assets\/meetups-[\w-]+\.js$/.test(path))).toHaveLength(1)
  await page.getByRole('navigation').getByRole('link', { name: 'الدليل' }).click()
  await expect(page.getByTestId('phase-planning')).toBeVisible()
  expect(asked.filter((path) => /^\/assets\/guide-[\w-]+\.js$/.test(path))).toHaveLength(1) // taken from what the tap fetched
})

test('a tap on the prerendered picker while the app is starting (it has read the address, its picker is not up yet) counts: the app opens in that language, asking for the content once', async ({ page }) => {
  // The picker's own texts (the phone's language) held back: the app has started, and waits for them to show its picker.
  let releaseTexts!: () => void
  const textsReleased = new Promise<void>((resolve) => (releaseTexts = resolve))
  const pickerTexts = /\/assets\/(?!ar-)[a-z]{2,3}(-x-easy)?-[\w-]{8}\.js$/
  await page.route(pickerTexts, async (route) => {
    await textsReleased
    await route.continue().catch(() => undefined)
  })
  const asked: string[] = []
  page.on('request', (request) => void asked.push(new URL(request.url()).pathname + new URL(request.url()).search))
  const appStarted = page.waitForRequest(pickerTexts)
  await page.goto('/', { waitUntil: 'commit' })
  await appStarted
  await page.getByRole('link', { name: 'العربية' }).click()
  releaseTexts()
  await expect(page.getByTestId('meetup').first()).toBeVisible()
  await expect(page).toHaveURL(/\/meetups$/)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('لقاءات قريبة منك')
  expect(asked.filter((path) => path.startsWith('/api/v1/sync?since=0&'))).toEqual([FIRST_PULL]) // the answer the tap asked for
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('لقاءات قريبة منك')
})

test('a returning visitor gets the page in their language without the prerendered picker, even before the app runs', async ({ page }) => {
  await chooseLanguage(page, 'العربية')
  await waitForServiceWorker(page)
  // What the HTML itself brings, seen as the parser inserts it (the app's script is served by the service worker).
  await page.addInitScript(() => {
    const seen = { picker: false, lang: '', dir: '' }
    ;(window as unknown as { firstHtml: typeof seen }).firstHtml = seen
    new MutationObserver(() => {
      if (document.querySelector('.boot-picker')) seen.picker = true
      if (!seen.lang && document.getElementById('app')) Object.assign(seen, { lang: document.documentElement.lang, dir: document.documentElement.dir })
    }).observe(document, { childList: true, subtree: true })
  })
  await page.reload()
  await expect(page.getByTestId('meetup').first()).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { firstHtml: unknown }).firstHtml)).toEqual({ picker: false, lang: 'ar', dir: 'rtl' })
})

test('a shared link to a step, opened on a first visit: a tap on the prerendered picker ends on that step in that language', async ({ page }) => {
  const release = await holdStartScript(page)
  await page.goto('/guide/step/register-address', { waitUntil: 'commit' })
  const arabic = page.getByRole('link', { name: 'العربية' })
  await expect(arabic).toBeVisible()
  await page.locator('html[data-picker-ready]').waitFor({ state: 'attached' })
  await arabic.click()
  await expect(page).toHaveURL(/\/\?lang=ar&next=%2Fguide%2Fstep%2Fregister-address$/)
  release()
  await expect(page).toHaveURL(/\/guide\/step\/register-address$/)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Anmeldung/)
})

test('pages that open in their own language come without the prerendered picker; the others with it', async ({ request }) => {
  for (const path of ['/emergency', `/manage/${'a'.repeat(43)}`, '/coordination/login']) {
    expect(await (await request.get(path)).text(), path).not.toContain('class="boot-picker"')
  }
  for (const path of ['/', '/guide/step/register-address']) expect(await (await request.get(path)).text(), path).toContain('class="boot-picker"')
})

test('the guide comes in one download: from the guide on into a phase, no further script or style is fetched', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  await page.getByRole('navigation').getByRole('link', { name: 'Wegweiser' }).click()
  await expect(page.getByTestId('phase-planning')).toBeVisible()
  // The page's own requests from here on (the service worker's precache downloads are not page requests).
  const fetched: string[] = []
  page.on('request', (request) => void (/\.(js|css)$/.test(new URL(request.url()).pathname) && fetched.push(new URL(request.url()).pathname)))
  await page.getByTestId('phase-planning').getByRole('link').first().click()
  await expect(page.getByTestId('guide-step').first()).toBeVisible()
  expect(fetched).toEqual([])
})
