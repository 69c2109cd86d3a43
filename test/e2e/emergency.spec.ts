import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { EMERGENCY_LINES } from '../../src/shared/emergency-numbers.ts'
import { chooseLanguage, waitForServiceWorker } from './helpers.ts'

test('the emergency card opens offline from the start screen in Arabic, every number a tel: link, axe clean', async ({ page, context }) => {
  await chooseLanguage(page, 'العربية')
  await waitForServiceWorker(page)
  await context.setOffline(true)
  await page.reload()
  await expect(page.getByTestId('offline')).toBeVisible()

  await page.getByRole('link', { name: 'الطوارئ' }).click()
  await expect(page).toHaveURL(/\/emergency$/)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1, name: 'أرقام الطوارئ والمساعدة السريعة' })).toBeVisible()

  for (const line of EMERGENCY_LINES) {
    const card = page.getByTestId(`emergency-${line.id}`)
    await expect(card.getByRole('heading', { level: 2 })).not.toBeEmpty()
    for (const n of line.numbers) await expect(card.getByRole('link', { name: n.display, exact: true })).toHaveAttribute('href', `tel:${n.dial}`)
  }
  await expect(page.getByRole('link', { name: '112', exact: true })).toHaveAttribute('href', 'tel:112')

  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => v.id)).toEqual([])
})

test('the emergency card needs no language choice first: a first visit opens it in the phone language', async ({ page }) => {
  await page.goto('/emergency')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: '116 117', exact: true })).toHaveAttribute('href', 'tel:116117')
})
