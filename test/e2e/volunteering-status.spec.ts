import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { chooseLanguage, createNetworkMeeting, loginAsCoordinator } from './helpers.ts'

const consents = () => ({ store: { textVersion: '2026-11', givenAt: new Date().toISOString() } })

test('a place freed on the waitlist shows on the open phone within half a minute, without a reload', async ({ page, browser }) => {
  test.setTimeout(60_000)
  // The coordination office: a Stendal network meeting with one place, taken by someone else.
  const office = await browser.newContext()
  const officePage = await office.newPage()
  await loginAsCoordinator(officePage, 'stendal@example.org')
  const title = `Netzwerktreffen ${randomUUID().slice(0, 8)} (Beispiel)`
  const occurrenceId = await createNetworkMeeting(officePage, title, 1, 4)
  const first = await officePage.request.post('/api/v1/registrations', {
    headers: { 'idempotency-key': randomUUID() },
    data: { occurrenceId, name: 'Erste Person (Beispiel)', email: 'erste@example.org', workingGroup: 'language', consents: consents() },
  })
  const { status, manageToken } = (await first.json()) as { status: string; manageToken: string }
  expect(status).toBe('confirmed')

  // The phone's clock is under the test's control; it runs normally until fast-forwarded.
  await page.clock.install()
  await chooseLanguage(page, 'Deutsch')
  await page.goto('/volunteering/register')
  const date = page.getByLabel('Termin')
  await expect(date.locator(`option[value="${occurrenceId}"]`)).toHaveCount(1, { timeout: 15_000 })
  await date.selectOption(occurrenceId)
  await page.getByLabel('Name').fill('Warte Person (Beispiel)')
  await page.getByLabel('E-Mail-Adresse').fill('warte@example.org')
  // A Stendal date: Stendal's network has no working groups, so the form asks for none.
  await expect(page.getByRole('radio', { name: 'Sprache', exact: true })).toHaveCount(0)
  await page.getByRole('checkbox', { name: /um das Treffen zu organisieren/ }).check()
  await page.getByRole('button', { name: 'Anmeldung speichern und senden' }).click()
  const signup = page.getByTestId('signup')
  await expect(signup).toContainText('Auf der Warteliste')

  // The first person withdraws; the place goes to the phone's registration on the server.
  expect((await officePage.request.delete(`/api/v1/manage/${manageToken}`)).status()).toBe(204)
  await office.close()

  // The app stays open and visible: half a minute later the card says so.
  await page.clock.fastForward(30_000)
  await expect(signup).toContainText('Bestätigt – Sie haben einen Platz.')
})
