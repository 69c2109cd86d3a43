import { mkdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { LOCALES } from '../../src/i18n/locales.ts'

/**
 * `npm run docs:languages`: a screenshot per language of the guide step "Register your address", for native
 * speakers to review (docs/languages/<code>.jpg). Not part of `npm test`: it writes into the repository.
 */
test.skip(!process.env.DOCS_SCREENSHOTS, 'run with npm run docs:languages')

for (const { code, dir } of LOCALES) {
  test(`screenshot: ${code}`, async ({ page }) => {
    await page.goto(`/?lang=${code}`)
    await expect(page.locator('html')).toHaveAttribute('lang', code)
    await expect(page.getByTestId('meetup').first()).toBeVisible() // the choice is stored and the first sync is in
    await page.goto('/guide/step/register-address')
    await expect(page.locator('html')).toHaveAttribute('dir', dir)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.locator('.step-text')).toBeVisible()
    await page.evaluate(() => document.fonts.ready)
    mkdirSync('docs/languages', { recursive: true })
    await page.screenshot({ path: `docs/languages/${code}.jpg`, type: 'jpeg', quality: 80, scale: 'css' })
  })
}
