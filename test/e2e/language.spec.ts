import { expect, test } from '@playwright/test'
import { chooseLanguage } from './helpers.ts'

test('first start offers each language by its own name', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/welcome/)
  for (const name of ['Deutsch', 'English', 'Українська', 'العربية']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible()
  }
})

test('Arabic turns the page right-to-left, and the choice survives a reload', async ({ page }) => {
  await chooseLanguage(page, 'العربية')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('لقاءات قريبة منك')

  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page).toHaveURL(/\/meetups$/)

  // The bottom navigation starts on the right in right-to-left.
  const nav = page.getByRole('navigation')
  const first = await nav.getByRole('link').first().boundingBox()
  const last = await nav.getByRole('link').last().boundingBox()
  expect(first!.x).toBeGreaterThan(last!.x)
})

test('the language can be changed later under More', async ({ page }) => {
  await chooseLanguage(page, 'العربية')
  await page.getByRole('link', { name: 'المزيد' }).click()
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('More')
})
