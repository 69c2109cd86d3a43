import { expect, test } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { loginAsCoordinator } from './helpers.ts'

test('a coordinator logs in, sees the workspace without the bottom navigation, and logs out', async ({ page }) => {
  await loginAsCoordinator(page, 'stendal@example.org')
  await expect(page.getByRole('navigation', { name: 'Bereiche der Koordination' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: /Hauptnavigation|Main/ })).toHaveCount(0)
  await page.getByRole('link', { name: 'Protokoll' }).click()
  // Logins are folded into one line; opened, they say who logged in.
  const logins = page.getByTestId('audit-logins').first().getByRole('button', { name: /^Anmeldungen im Koordinationsbereich: \d+$/ })
  await expect(logins).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByTestId('audit-entry').filter({ hasText: 'Angemeldet' })).toHaveCount(0)
  await logins.click()
  await expect(page.getByTestId('audit-entry').filter({ hasText: 'Angemeldet' }).filter({ hasText: 'stendal@example.org' }).first()).toBeVisible()
  expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([])
  await page.getByRole('button', { name: 'Abmelden' }).click()
  await expect(page.getByRole('heading', { name: /Anmeldung für Koordinator/ })).toBeVisible()
  await page.goto('/coordination/audit')
  await expect(page).toHaveURL(/\/coordination\/login\?next=/)
})

test('a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/coordination/login')
  await page.getByRole('button', { name: 'Deutsch', exact: true }).click()
  await page.getByLabel('E-Mail-Adresse').fill('stendal@example.org')
  await page.getByLabel('Passwort').fill('not the password')
  await page.getByRole('button', { name: 'Anmelden' }).click()
  await expect(page.getByRole('alert')).toHaveText('E-Mail-Adresse oder Passwort stimmt nicht.')
})
