import { expect, test, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { loginAsCoordinator } from './helpers.ts'
import { linkMailedTo } from './mail-files.ts'

/**
 * Issue 14 item 5 in the browser: an admin invites a coordinator in the workspace; the invitee opens the
 * link from the mail the server wrote (no SMTP_URL: an .eml file in DATA_DIR/mail/, parsed by mailparser),
 * sets a password and logs in with the districts the admin gave.
 */

async function axeViolations(page: Page): Promise<string[]> {
  return new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))
}

test('an admin invites a coordinator; the invitee sets a password from the mailed link and logs in with district scope', async ({ page, browser }) => {
  // Two people, two devices, a mail and a dozen pages: more than the usual cap on a busy machine.
  test.slow()
  const invitee = `neu-${Date.now()}@example.org`
  await loginAsCoordinator(page, 'admin@example.org')
  await page.getByRole('link', { name: 'Konten' }).click()
  await expect(page.getByRole('heading', { name: 'Konten', level: 1 })).toBeVisible()
  const form = page.getByTestId('invite-form')
  await form.getByLabel('E-Mail-Adresse').fill(invitee)
  await form.getByLabel('Koordination (eigene Landkreise)').check()
  await form.getByLabel('Harz', { exact: true }).check()
  await form.getByLabel('Stendal', { exact: true }).check()
  await form.getByRole('button', { name: 'Einladung senden' }).click()
  await expect(form.getByTestId('save-feedback')).toHaveText(`Einladung an ${invitee} wird gesendet.`)
  const row = page.getByTestId(`account-${invitee}`)
  await expect(row).toContainText('Eingeladen – Passwort noch nicht festgelegt')
  await expect(row).toContainText('Harz, Stendal')
  expect(await axeViolations(page)).toEqual([])

  // The invitee, on a device of their own.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL! })
  const theirs = await context.newPage()
  const path = await linkMailedTo(invitee, /https?:\/\/\S+\/coordination\/password\/[A-Za-z0-9_-]{43}/)
  await theirs.goto(path)
  const german = theirs.getByRole('button', { name: 'Deutsch', exact: true })
  const heading = theirs.getByRole('heading', { name: 'Passwort festlegen' })
  await expect(german.or(heading).first()).toBeVisible()
  if (await german.isVisible()) await german.click()
  await expect(heading).toBeVisible()
  expect(await axeViolations(theirs)).toEqual([])
  const password = 'ein Satz, den ich mir merke'
  await theirs.getByLabel('Neues Passwort').fill(password)
  await theirs.getByLabel('Passwort wiederholen').fill(password)
  await theirs.getByRole('button', { name: 'Passwort speichern' }).click()
  await expect(theirs.getByText('Ihr Passwort ist gespeichert.')).toBeVisible()

  await theirs.getByTestId('to-login').click()
  await theirs.getByLabel('E-Mail-Adresse').fill(invitee)
  await theirs.getByLabel('Passwort', { exact: true }).fill(password)
  await theirs.getByRole('button', { name: 'Anmelden' }).click()
  await expect(theirs.getByTestId('coordination-account')).toHaveText(invitee)
  // District scope: registrations can be filtered by their two districts only, and accounts are not theirs to manage.
  await theirs.getByRole('link', { name: 'Anmeldungen' }).click()
  await expect(theirs.locator('#registrations-district option')).toHaveText(['Alle', 'Harz', 'Stendal'])
  await expect(theirs.getByRole('link', { name: 'Konten' })).toHaveCount(0)

  // The link works once.
  await theirs.goto(path)
  await theirs.getByLabel('Neues Passwort').fill(password)
  await theirs.getByLabel('Passwort wiederholen').fill(password)
  await theirs.getByRole('button', { name: 'Passwort speichern' }).click()
  await expect(theirs.getByRole('alert')).toContainText('Dieser Link gilt nicht mehr')
  await context.close()
})
