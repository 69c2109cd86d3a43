import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { chooseLanguage } from './helpers.ts'

test('on a phone with no voice for Arabic, "listen" says so plainly instead of showing a button that does nothing', async ({ page }) => {
  // A phone without an Arabic text-to-speech voice: the browser lists no voices at all.
  await page.addInitScript(() => Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => [] }))
  await chooseLanguage(page, 'العربية')
  await page.getByRole('navigation').getByRole('link', { name: 'الدليل' }).click()
  await expect(page.getByTestId('phase-progress').first()).not.toHaveText(/\b0\D+0\b/)
  await page.goto('/guide/step/register-address')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  const note = page.getByTestId('listen-no-voice')
  await expect(note).toContainText('لا يستطيع هذا الهاتف قراءة النص بلغة «العربية»')
  await expect(page.getByTestId('listen')).toHaveCount(0)
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => v.id)).toEqual([])
})
