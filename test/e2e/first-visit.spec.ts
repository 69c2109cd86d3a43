import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { chooseLanguage, waitForServiceWorker, closeNoticesInTheWay, expectBookmarksStored } from './helpers.ts'

/** The server cannot be reached (the static files still come): counts the attempts to reach the API. */
async function serverAway(page: Page): Promise<{ attempts: () => number }> {
  let attempts = 0
  await page.route('**/api/**', (route) => {
    attempts++
    return route.abort()
  })
  return { attempts: () => attempts }
}

test('first visit while the server cannot be reached: "not arrived yet", retries in seconds, offline-ready only with content', async ({ page }) => {
  const api = await serverAway(page)
  await page.goto('/')
  await page.getByRole('button', { name: 'English' }).click()

  // Honest: the content has not arrived; the phone is online, so not "offline", and not "nothing here".
  const pending = page.getByTestId('content-pending')
  await expect(pending).toContainText('The content has not arrived on this phone yet')
  await expect(pending.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(page.getByTestId('offline')).toHaveCount(0)
  await expect(page.getByText('as soon as you are online')).toHaveCount(0)

  // It tries again by itself within seconds (not after five minutes).
  await expect.poll(api.attempts).toBeGreaterThanOrEqual(3)

  // The app shell is installed, but without content the app does not claim to work offline.
  await waitForServiceWorker(page)
  await page.getByRole('navigation').getByRole('link', { name: 'Guide' }).click()
  await expect(page.getByTestId('content-pending')).toBeVisible()
  await expect(page.getByTestId('pwa-toast')).toHaveCount(0)

  // A phase without content says so, not "0 of 0 done".
  await page.getByRole('link', { name: 'Before you arrive' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Before you arrive' })).toBeVisible()
  await expect(page.getByTestId('content-pending')).toBeVisible()
  await expect(page.getByTestId('phase-progress')).toHaveCount(0)
  await expect(page.getByTestId('pwa-toast')).toHaveCount(0)

  // The server comes back: the next retry brings the content without a tap, and only now "ready for offline use".
  await page.unroute('**/api/**')
  await expect(page.getByTestId('guide-step').first()).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('phase-progress')).toHaveText(/^0 of [1-9]\d* done$/)
  await expect(page.getByTestId('content-pending')).toHaveCount(0)
  await expect(page.getByTestId('pwa-toast')).toContainText('The app now also works without internet.')
})

test('"Try again" asks the server at once, and the content arrives', async ({ page }) => {
  const api = await serverAway(page)
  await page.goto('/')
  await page.getByRole('button', { name: 'English' }).click()
  const tryAgain = page.getByTestId('content-pending').getByRole('button', { name: 'Try again' })
  await expect(tryAgain).toBeVisible()
  // After four attempts the next one by itself is 8 to 16 s away: a tap asks at once.
  await expect.poll(api.attempts).toBeGreaterThanOrEqual(4)
  await expect(tryAgain).toHaveAttribute('aria-busy', 'false')
  const before = api.attempts()
  await tryAgain.click()
  await expect.poll(api.attempts, { timeout: 5_000 }).toBe(before + 1)
  await page.unroute('**/api/**')
  await tryAgain.click()
  await expect(page.getByTestId('meetup').first()).toBeVisible()
  await expect(page.getByTestId('content-pending')).toHaveCount(0)
})

test('the "content has not arrived" state is axe clean in Arabic (right to left)', async ({ page }) => {
  await serverAway(page)
  await page.goto('/')
  await page.getByRole('button', { name: 'العربية' }).click()
  await expect(page.getByTestId('content-pending').getByRole('button', { name: 'حاول مرة أخرى' })).toBeVisible()
  for (const path of ['/meetups', '/guide', '/guide/planning', '/contacts']) {
    await page.goto(path)
    await expect(page.getByTestId('content-pending').getByRole('button')).toBeVisible()
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations, `${path}: ${results.violations.map((v) => v.id).join(', ')}`).toEqual([])
  }
})

test('the "works offline" notice appears once, above the bottom navigation, and goes by itself', async ({ page }) => {
  await chooseLanguage(page, 'English')
  await waitForServiceWorker(page)
  const toast = page.getByTestId('pwa-toast')
  await expect(toast).toContainText('The app now also works without internet.')
  // Never over the navigation's buttons.
  const box = (await toast.boundingBox())!
  const nav = (await page.getByRole('navigation', { name: 'Main navigation' }).boundingBox())!
  expect(box.y + box.height).toBeLessThanOrEqual(nav.y)
  // Gone after a few seconds without a tap.
  await expect(toast).toHaveCount(0)
  // Said once: not again after a reload.
  await page.reload()
  await expect(page.getByTestId('meetup').first()).toBeVisible()
  await waitForServiceWorker(page)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(toast).toHaveCount(0)
})

test('the "works offline" notice goes on navigation', async ({ page }) => {
  await chooseLanguage(page, 'English')
  await waitForServiceWorker(page)
  const toast = page.getByTestId('pwa-toast')
  await expect(toast).toBeVisible()
  await page.getByRole('navigation').getByRole('link', { name: 'Guide' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Guide' })).toBeVisible()
  await expect(toast).toHaveCount(0)
})

test('after the first ticked step the app asks once to keep the storage; More shows what the browser says', async ({ page }) => {
  // Counts the requests for persistent storage (kept across reloads of the page).
  await page.addInitScript(() => {
    const storage = navigator.storage
    const persist = storage.persist.bind(storage)
    storage.persist = () => {
      localStorage.setItem('persistCalls', String(Number(localStorage.getItem('persistCalls') ?? '0') + 1))
      return persist()
    }
  })
  const persistCalls = () => page.evaluate(() => Number(localStorage.getItem('persistCalls') ?? '0'))
  const shownState = async () => {
    const persisted = await page.evaluate(() => navigator.storage.persisted())
    const text = persisted
      ? 'This phone keeps what you stored in the app'
      : 'When this phone runs short of space, the browser may delete what you stored in the app.'
    await expect(page.getByTestId('storage-state')).toContainText(text)
  }
  page.on('dialog', (d) => void d.dismiss())
  await closeNoticesInTheWay(page)
  await chooseLanguage(page, 'English')

  await page.getByRole('navigation').getByRole('link', { name: 'More' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Storage on this phone' })).toBeVisible()
  await shownState()
  expect(await persistCalls()).toBe(0) // nothing kept yet: nothing asked

  // Tick two steps and save one: asked once.
  await page.getByRole('navigation').getByRole('link', { name: 'Guide' }).click()
  await page.getByRole('link', { name: 'Before you arrive' }).click()
  for (let i = 0; i < 2; i++) {
    await page.getByTestId('guide-step').nth(i).getByRole('link').click()
    await page.getByRole('checkbox', { name: 'Done', exact: true }).check()
    await expect(page.getByRole('checkbox', { name: 'Done', exact: true })).toBeChecked()
    await expect.poll(persistCalls).toBe(1)
    await page.goBack()
  }
  await page.getByTestId('guide-step').nth(2).getByRole('link').click()
  const title = await page.getByRole('heading', { level: 1 }).textContent()
  const save = page.getByRole('button', { name: `Save: ${title}` })
  await save.click()
  await expect(save).toHaveAttribute('aria-pressed', 'true')
  await expectBookmarksStored(page, 1)

  // Not asked again after a reload either.
  await page.reload()
  await page.getByRole('checkbox', { name: 'Done', exact: true }).check()
  await expect(page.getByRole('checkbox', { name: 'Done', exact: true })).toBeChecked()
  await page.getByRole('navigation').getByRole('link', { name: 'More' }).click()
  await shownState()
  expect(await persistCalls()).toBe(1)
})
