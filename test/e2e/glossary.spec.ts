import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { chooseLanguage, waitForServiceWorker } from './helpers.ts'

test('Arabic, offline: an official word in a step opens its explanation with a tap, and the guide lists all words', async ({ page, context }) => {
  await chooseLanguage(page, 'العربية')
  await waitForServiceWorker(page)
  await page.getByRole('navigation').getByRole('link', { name: 'الدليل' }).click()
  await expect(page.getByTestId('phase-progress').first()).not.toHaveText(/\b0\D+0\b/)

  await context.setOffline(true)
  await page.goto('/guide/step/official-letters')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('المساعدة في رسائل الدوائر الرسمية')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeHidden()

  await page.getByRole('button', { name: 'Frist', exact: true }).click()
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading', { name: 'Frist' })).toBeVisible()
  await expect(dialog).toContainText('المهلة (Frist) هي الوقت')
  await expect(dialog).toContainText('ترجمة آلية')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations, results.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`).join(', ')).toEqual([])

  await dialog.getByRole('button', { name: 'إغلاق' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('offline')).toBeVisible()

  // All words, A to Z, from the guide's start page (still offline).
  await page.getByRole('navigation').getByRole('link', { name: 'الدليل' }).click()
  await page.getByRole('link', { name: 'كلمات رسمية' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('كلمات رسمية')
  await expect(page.getByRole('heading', { name: 'Widerspruch' })).toBeVisible()
  await expect(page.getByTestId('glossary-word').filter({ hasText: 'Widerspruch' })).toContainText('بالاعتراض (Widerspruch)')
  const listResults = await new AxeBuilder({ page }).analyze()
  expect(listResults.violations, listResults.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`).join(', ')).toEqual([])
})
