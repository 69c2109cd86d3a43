import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { berlinDay, chooseLanguage, createMeetupThroughApi, createNetworkMeeting, loginAsCoordinator } from './helpers.ts'

test('a guest’s registration is requested until the coordinator approves it, and the phone shows both; Stendal’s form has no working groups', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const office = await browser.newContext()
  const officePage = await office.newPage()
  await loginAsCoordinator(officePage, 'admin@example.org')
  const stendal = await createNetworkMeeting(officePage, `Netzwerktreffen ${randomUUID().slice(0, 8)} (Beispiel)`, 10, 5)
  const magdeburg = await createMeetupThroughApi(officePage, {
    kind: 'network-meeting',
    title: { de: `AG Sprache ${randomUUID().slice(0, 8)} (Beispiel)` },
    description: { de: 'Arbeitsgruppe des Netzwerks Magdeburg (Beispiel).' },
    district: 'magdeburg',
    placeName: 'Bürgerhaus (Beispiel)',
    address: 'Beispielallee 7, 39104 Magdeburg',
    organiser: 'Netzwerk Magdeburg (Beispiel)',
    audience: ['partners'],
    registrationRequired: true,
    capacity: 10,
    startsLocal: `${berlinDay(6)}T15:00`,
    durationMinutes: 120,
  })
  const occurrenceId = magdeburg.dates[0]!.id

  await page.clock.install()
  await chooseLanguage(page, 'Deutsch')
  await page.goto('/volunteering/register')
  const date = page.getByLabel('Termin')
  await expect(date.locator(`option[value="${occurrenceId}"]`)).toHaveCount(1, { timeout: 15_000 })
  await expect(date.locator(`option[value="${stendal}"]`)).toHaveCount(1)
  // Stendal's network has no working groups: neither the groups nor "guest" are asked.
  await date.selectOption(stendal)
  await expect(page.getByLabel('Name')).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Sprache', exact: true })).toHaveCount(0)
  await expect(page.getByRole('radio', { name: 'Gast mit einem Beitrag zur Tagesordnung' })).toHaveCount(0)
  // Magdeburg's has.
  await date.selectOption(occurrenceId)
  await page.getByLabel('Name').fill('Gast Person (Beispiel)')
  await page.getByLabel('E-Mail-Adresse').fill('gast@example.org')
  await page.getByRole('radio', { name: 'Sprache', exact: true }).check()
  await page.getByRole('radio', { name: 'Gast mit einem Beitrag zur Tagesordnung' }).check()
  await page.getByLabel('Ihr Beitrag zur Tagesordnung').fill('Bericht aus dem Sprachcafé im Stadtteil (Beispiel)')
  await page.getByRole('checkbox', { name: /um das Treffen zu organisieren/ }).check()
  await page.getByRole('button', { name: 'Anmeldung speichern und senden' }).click()
  const signup = page.getByTestId('signup')
  await expect(signup).toContainText('Angefragt – die Koordinierungsstelle spricht Ihren Besuch als Gast mit der Arbeitsgruppe ab')

  // The coordinator agrees it with the group's speakers and approves, in the workspace.
  await officePage.goto(`/coordination/registrations?district=magdeburg&date=${encodeURIComponent(occurrenceId)}`)
  const row = officePage.getByTestId('registration').filter({ hasText: 'Gast Person (Beispiel)' })
  await expect(row).toContainText('Bericht aus dem Sprachcafé im Stadtteil (Beispiel)')
  await row.getByRole('button', { name: 'Zusagen' }).click()
  await expect(officePage.getByTestId('registration-message')).toHaveText('Gast Person (Beispiel) ist als Gast zugesagt.')
  await office.close()

  // The phone stays open: within half a minute it says so.
  await page.clock.fastForward(30_000)
  await expect(signup).toContainText('Bestätigt – Sie haben einen Platz.')
})
