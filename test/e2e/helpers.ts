import { expect, type Page } from '@playwright/test'

/** First start: pick a language by its own name, land on the start screen. */
export async function chooseLanguage(page: Page, nativeName: string): Promise<void> {
  await page.goto('/')
  await page.getByRole('button', { name: nativeName }).click()
  await expect(page.getByTestId('meetup').first()).toBeVisible()
}

/** Waits until the service worker is active and controls this page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
    }
  })
}
