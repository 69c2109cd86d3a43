import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { chooseLanguage } from './helpers.ts'
import { linkMailedTo } from './mail-files.ts'

/**
 * Issue 14 for partner declarations, as a person does it: the mail consent ticked in the form, the
 * address confirmed through the mailed link, and the status link of the "received" mail opened on
 * another device that chose no language: it shows the declaration's state in the language it was sent in.
 */

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test('a declaration with the mail consent: confirm the address by link, then its status link opens anywhere in the declaration\'s language', async ({ page, browser }) => {
  const address = `partner-${Date.now()}@example.org`
  await chooseLanguage(page, 'English')
  await page.goto('/partners/declare')
  await page.getByRole('radio', { name: /^Deletion/ }).check()
  await page.getByRole('textbox', { name: /^Organisation/ }).fill('Sportverein Osterburg (Beispiel)')
  await page.getByLabel('District or city').selectOption('stendal')
  await page.getByRole('textbox', { name: /^E-mail address/ }).fill(address)
  await page.getByRole('checkbox', { name: /We would like e-mails about this declaration/ }).check()
  expect(await axeViolations(page)).toEqual([])
  await page.getByRole('button', { name: /send/i }).click()
  await expect(page.getByTestId('partner-request')).toContainText('Arrived')

  await page.goto(await linkMailedTo(address, /https?:\/\/\S+\/api\/v1\/mail\/confirm\/[A-Za-z0-9_-]{43}/))
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByRole('button', { name: 'Confirm address' }).click()
  const statusLink = await linkMailedTo(address, /https?:\/\/\S+\/partners\/status\/[A-Za-z0-9_-]{43}/)

  const other = await browser.newContext({ locale: 'de-DE' })
  const device = await other.newPage()
  await device.goto(statusLink)
  await expect(device.getByRole('heading', { level: 1, name: 'Your declaration' })).toBeVisible()
  const outcome = device.getByTestId('partner-outcome')
  await expect(outcome).toHaveAttribute('data-status', 'received')
  await expect(outcome).toContainText('Deletion')
  await expect(outcome).toContainText('Arrived – the coordination office is checking the declaration.')
  expect(await axeViolations(device)).toEqual([])
  // The language can be switched here without changing that device's own choice.
  await device.getByLabel('Language').selectOption('ar')
  await expect(device.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(outcome).toContainText('وصل')
  await other.close()
})
