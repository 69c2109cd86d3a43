import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { chooseLanguage } from './helpers.ts'

for (const [language, nativeName] of [
  ['German', 'Deutsch'],
  ['Arabic', 'العربية'],
] as const) {
  test(`no axe violations on the main views in ${language}`, async ({ page }) => {
    await chooseLanguage(page, nativeName)
    for (const path of ['/meetups', '/guide', '/volunteering', '/more']) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations, `${path}: ${results.violations.map((v) => v.id).join(', ')}`).toEqual([])
    }
  })
}

test('no axe violations on the first-start language picker', async ({ page }) => {
  await page.goto('/welcome')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => v.id)).toEqual([])
})
