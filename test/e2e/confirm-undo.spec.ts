import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { chooseLanguage, storedRows, waitForServiceWorker } from './helpers.ts'

// Destructive actions on the phone ask first in plain words, and a withdrawal that has not gone out
// yet can be undone (a second tap that lands on "withdraw" only opens the question).

async function queuedWithdrawals(page: Page): Promise<number> {
  return (await storedRows<{ kind: string }>(page, 'outbox')).filter((r) => r.kind === 'cancel').length
}

test('withdrawing a registration asks first, can be undone while it has not gone out, and then withdraws', async ({ page, context }) => {
  test.setTimeout(60_000)
  await chooseLanguage(page, 'Deutsch')
  await waitForServiceWorker(page)
  await page.goto('/volunteering/register')
  const select = page.getByLabel('Termin')
  await expect(select.locator('option', { hasText: 'Landesweites Netzwerktreffen' }).first()).toBeAttached()
  const labels = await select.locator('option').allTextContents()
  await select.selectOption({ index: labels.findIndex((l) => l.includes('Landesweites Netzwerktreffen')) })
  await page.getByLabel('Name').fill('Rückgängig Beispiel')
  await page.getByLabel('E-Mail-Adresse').fill('rueckgaengig@example.org')
  await page.getByRole('radio', { name: 'Sprache', exact: true }).check()
  await page.getByRole('checkbox', { name: /um das Treffen zu organisieren/ }).check()
  await page.getByRole('button', { name: 'Anmeldung speichern und senden' }).click()
  const signup = page.getByTestId('signup')
  await expect(signup).toHaveAttribute('data-status', /confirmed|waitlisted/)
  const placed = await signup.getAttribute('data-status')

  // A tap on "withdraw" only asks; the safe answer has the focus; "keep" keeps it.
  const withdraw = signup.getByRole('button', { name: 'Zurückziehen', exact: true })
  await withdraw.click()
  const question = signup.getByRole('group', { name: /Anmeldung wirklich zurückziehen\? Ihr Platz wird frei/ })
  await expect(question).toBeVisible()
  await expect(question.getByRole('button', { name: 'Nein, behalten' })).toBeFocused()
  await expect(withdraw).toHaveAttribute('aria-expanded', 'true')
  const axe = await new AxeBuilder({ page }).include('[data-testid="signup"]').analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])
  for (const button of await signup.getByRole('button').all()) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44)
  await withdraw.click() // a second tap on the same spot changes nothing
  await question.getByRole('button', { name: 'Nein, behalten' }).click()
  await expect(question).toHaveCount(0)
  await expect(withdraw).toBeFocused()
  await expect(signup).toHaveAttribute('data-status', placed!)
  expect(await queuedWithdrawals(page)).toBe(0)

  // Offline, the withdrawal waits; until it goes out it can be undone.
  await context.setOffline(true)
  await withdraw.click()
  await question.getByRole('button', { name: 'Ja, zurückziehen' }).click()
  await expect(signup).toHaveAttribute('data-status', 'cancelling')
  await expect(signup.getByRole('status')).toHaveText('Noch nicht gesendet – Sie können das Zurückziehen rückgängig machen.')
  await signup.getByRole('button', { name: 'Rückgängig machen' }).click()
  await expect(signup).toHaveAttribute('data-status', placed!)
  expect(await queuedWithdrawals(page)).toBe(0)
  await context.setOffline(false)

  const href = await signup.getByTestId('export').getAttribute('href')
  const onServer = async () => (await (await page.request.get(href!.replace('?format=json', ''))).json()) as { status: string }
  expect((await onServer()).status).toBe(placed)

  // Confirmed online: it goes out after the few seconds for undo.
  await withdraw.click()
  await question.getByRole('button', { name: 'Ja, zurückziehen' }).click()
  await expect(signup).toHaveAttribute('data-status', 'cancelled', { timeout: 20_000 })
  await expect(signup.getByRole('button', { name: 'Rückgängig machen' })).toHaveCount(0)
  expect((await onServer()).status).toBe('cancelled')

  // Deleting from the phone asks too.
  await signup.getByRole('button', { name: 'Von diesem Handy löschen' }).click()
  await expect(signup.getByTestId('confirm')).toContainText('Sie ist schon zurückgezogen und verschwindet nur aus dieser Liste.')
  await signup.getByRole('button', { name: 'Ja, von diesem Handy löschen' }).click()
  await expect(signup).toHaveCount(0)
})

test('a tandem request withdrawn offline before it was ever sent can be undone, and then arrives once', async ({ page, context }) => {
  await chooseLanguage(page, 'Deutsch')
  await waitForServiceWorker(page)
  await page.goto('/volunteering/request')
  await context.setOffline(true)
  await page.getByRole('radio', { name: /Sprachtandem/ }).check()
  await page.getByLabel('Name').fill('Nie gesendet (Beispiel)')
  await page.getByLabel('E-Mail-Adresse').fill('nie-gesendet@example.org')
  await page.getByLabel('Landkreis oder Stadt').selectOption('harz')
  await page.getByRole('checkbox', { name: /um eine passende Tandem-Person zu finden/ }).check()
  await page.getByRole('button', { name: 'Anfrage speichern und senden' }).click()
  const signup = page.getByTestId('signup')
  await expect(signup).toHaveAttribute('data-status', 'pending')

  await signup.getByRole('button', { name: 'Zurückziehen', exact: true }).click()
  await expect(signup.getByTestId('confirm')).toContainText('Noch nicht gesendet. Zurückziehen? Dann wird es nie gesendet.')
  await signup.getByRole('button', { name: 'Ja, zurückziehen' }).click()
  await expect(signup).toHaveAttribute('data-status', 'cancelling')
  await signup.getByRole('button', { name: 'Rückgängig machen' }).click()
  await expect(signup).toHaveAttribute('data-status', 'pending')

  await context.setOffline(false)
  await expect(signup).toHaveAttribute('data-status', 'received')
  await expect(signup).toHaveCount(1)
})

test('a partner declaration waiting on the device is deleted only after a plain question', async ({ page, context }) => {
  await chooseLanguage(page, 'Deutsch')
  await waitForServiceWorker(page)
  await page.goto('/partners/declare')
  await context.setOffline(true)
  await page.getByRole('radio', { name: /^Löschung/ }).check()
  await page.getByRole('textbox', { name: /^Organisation/ }).fill('Verein zum Löschen (Beispiel)')
  await page.getByLabel('Landkreis oder Stadt').selectOption('harz')
  await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill('loeschen@example.org')
  await page.getByRole('button', { name: /speichern und senden/ }).click()
  const card = page.getByTestId('partner-request')
  await expect(card).toHaveAttribute('data-status', 'pending')

  await card.getByRole('button', { name: 'Nicht senden und löschen' }).click()
  await expect(card.getByTestId('confirm')).toContainText('Diese Erklärung ist noch nicht gesendet. Löschen? Dann wird sie nie gesendet.')
  await card.getByRole('button', { name: 'Nein, behalten' }).click()
  await expect(card).toHaveCount(1)
  await card.getByRole('button', { name: 'Nicht senden und löschen' }).click()
  await card.getByRole('button', { name: 'Ja, löschen' }).click()
  await expect(card).toHaveCount(0)
})
