import { randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import { chooseLanguage, createMeetupThroughApi, meetupCardsShown } from './helpers.ts'
import { E2E_PASSWORD } from './e2e-accounts.ts'

/**
 * What the coordination office does reaches the sign-up cards on the phone (issue 16 items 3, 7, 11):
 * a registration names its event and date, shows a moved date and a cancelled one; an ended tandem
 * says what happens next; a tandem entry can be renewed before its twelve months run out.
 */

/** Logs the page's context in as the Stendal coordinator (the cookie then goes with page.request). */
async function coordinatorLogin(page: Page): Promise<void> {
  const res = await page.request.post('/api/v1/coordination/login', { data: { email: 'stendal@example.org', password: E2E_PASSWORD } })
  expect(res.status()).toBe(200)
}

/** A Berlin wall time `days` from now at `time`, as the editor takes it (2026-12-03T17:00). */
function localStart(days: number, time: string): string {
  const day = new Date(Date.now() + days * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' })
  return `${day}T${time}`
}

test('a registration card names its event and date, and shows when the date is moved or cancelled', async ({ page }) => {
  test.setTimeout(90_000)
  await chooseLanguage(page, 'Deutsch')
  await coordinatorLogin(page)
  const title = `Netzwerktreffen ${Date.now().toString(36)}`
  const original = localStart(9, '17:00')
  const meetup = await createMeetupThroughApi(page, {
    kind: 'network-meeting',
    title: { de: title },
    description: { de: 'Austausch der Arbeitsgruppen.' },
    district: 'stendal',
    placeName: 'Rathaus (Beispiel)',
    address: 'Markt 1, 39576 Stendal',
    organiser: 'Netzwerk Beispiel',
    startsLocal: original,
    registrationRequired: true,
    capacity: 10,
  })
  const date = meetup.dates[0]!

  await page.goto('/volunteering/register')
  const select = page.getByLabel('Termin')
  const option = select.locator('option', { hasText: title })
  await expect(option).toHaveCount(1)
  await select.selectOption({ label: (await option.textContent())! })
  await page.getByLabel('Name').fill('Kim Beispiel')
  await page.getByLabel('E-Mail-Adresse').fill('kim.news@example.org')
  // A Stendal date: Stendal's network has no working groups, so the form asks for none.
  await expect(page.getByRole('radio', { name: 'Sprache', exact: true })).toHaveCount(0)
  await page.getByRole('checkbox', { name: /um das Treffen zu organisieren/ }).check()
  await page.getByRole('button', { name: 'Anmeldung speichern und senden' }).click()

  const card = page.getByTestId('signup')
  await expect(card).toContainText('Bestätigt – Sie haben einen Platz.')
  await expect(card.getByRole('heading', { name: title })).toBeVisible()
  await expect(card.getByTestId('signup-date')).toContainText('17:00')

  // Moved to 19:30 the next day: the card (after the next sync) and the meetups list say so.
  const moved = await page.request.post(`/api/v1/coordination/meetups/${meetup.id}/dates/${date.original}/move`, { data: { startsLocal: localStart(10, '19:30') } })
  expect(moved.status()).toBe(200)
  await page.reload()
  await expect(card.getByTestId('signup-moved')).toContainText('Verschoben – neuer Termin')
  await expect(card.getByTestId('signup-moved')).toContainText('19:30')
  await expect(card.getByTestId('signup-moved')).toContainText('17:00')
  await page.goto('/')
  await expect((await meetupCardsShown(page, title, 1)).getByTestId('meetup-moved')).toHaveText('Verschoben')

  // In the editor the date gets its own places, then is cancelled: first the coordinator is told who is registered.
  await page.goto(`/coordination/meetups/${meetup.id}`)
  const row = page.getByTestId('editor-date').first()
  await expect(row.getByTestId('date-registered')).toHaveText('Angemeldet: 1')
  await row.getByRole('button', { name: /^Plätze ändern/ }).click()
  await page.getByLabel('Plätze für diesen Termin').fill('12')
  await row.getByRole('button', { name: 'Plätze speichern' }).click()
  await expect(row.getByTestId('date-places')).toContainText('Plätze: 12 (nur für diesen Termin)')
  await row.getByRole('button', { name: /^Absagen/ }).click()
  await expect(row.getByTestId('cancel-confirm')).toContainText('Für diesen Termin sind Personen angemeldet: 1.')
  await row.getByRole('button', { name: 'Ja, Termin absagen' }).click()
  await expect(row).toHaveAttribute('data-status', 'cancelled')

  // On the phone the registration becomes "date cancelled".
  await page.goto('/volunteering')
  await expect(card).toContainText('Termin abgesagt – die Koordinierungsstelle hat diesen Termin abgesagt.')
  await expect(card).toHaveAttribute('data-status', 'dateCancelled')
})

test('an ended tandem tells the volunteer what happens next, and the entry can be renewed', async ({ page }) => {
  test.setTimeout(90_000)
  await chooseLanguage(page, 'Deutsch')
  await page.goto('/volunteering')
  await page.getByRole('link', { name: 'Tandem anbieten' }).click()
  await page.getByRole('radio', { name: /Sprachtandem/ }).check()
  await page.getByLabel('Name').fill('Erika Tandem')
  await page.getByLabel('E-Mail-Adresse').fill('erika.tandem@example.org')
  await page.getByLabel('Landkreis oder Stadt').selectOption('stendal')
  await page.getByRole('checkbox', { name: /um eine passende Tandem-Person zu finden/ }).check()
  await page.getByRole('button', { name: 'Angebot speichern und senden' }).click()
  const card = page.getByTestId('signup')
  await expect(card).toContainText('Angekommen')

  // Before any match: the card says when the entry would be deleted, and renews it.
  const renewal = card.getByTestId('tandem-renewal')
  await expect(renewal).toContainText('Ohne Verlängerung werden Ihre Angaben am')
  const href = await card.getByTestId('export').getAttribute('href')
  const offerToken = /\/api\/v1\/manage\/([\w-]+)/.exec(href!)![1]!
  const before = (await (await page.request.get(`/api/v1/manage/${offerToken}`)).json()) as { id: string; about: { renewedAt: string } }
  await renewal.getByRole('button', { name: 'Eintrag um 12 Monate verlängern' }).click()
  await expect(renewal.getByRole('status')).toContainText('Verlängert')
  const after = (await (await page.request.get(`/api/v1/manage/${offerToken}`)).json()) as { about: { renewedAt: string } }
  expect(after.about.renewedAt > before.about.renewedAt).toBe(true)

  // A newcomer's request, a match, both say yes, the coordination office ends it.
  const request = await page.request.post('/api/v1/tandems', {
    headers: { 'idempotency-key': randomUUID() },
    data: {
      role: 'request',
      kind: 'language',
      name: 'Olena Tandem',
      phone: '+4915112345678',
      district: 'stendal',
      languages: [{ code: 'uk', level: 'native' }],
      consents: { store: { textVersion: '2026-11', givenAt: new Date().toISOString() } },
    },
  })
  expect(request.status(), await request.text()).toBe(201)
  const { id: requestId, manageToken: requestToken } = (await request.json()) as { id: string; manageToken: string }
  await coordinatorLogin(page)
  const proposed = await page.request.post('/api/v1/coordination/tandems/matches', { data: { offerId: before.id, requestId } })
  expect(proposed.status(), await proposed.text()).toBe(201)
  const { id: matchId } = (await proposed.json()) as { id: string }
  for (const token of [offerToken, requestToken]) {
    expect((await page.request.post(`/api/v1/manage/${token}/match`, { data: { answer: 'accept' } })).status()).toBe(200)
  }
  expect((await page.request.post(`/api/v1/coordination/tandems/matches/${matchId}/end`)).status()).toBe(200)

  await page.reload()
  await expect(card.getByTestId('tandem-match')).toHaveAttribute('data-phase', 'ended')
  await expect(card.getByTestId('tandem-match')).toContainText('Dieses Tandem ist beendet. Ihr Angebot gilt weiter')
  const answer = (await (await page.request.get(`/api/v1/manage/${requestToken}`)).json()) as { match: { status: string; side: string } }
  expect(answer.match).toMatchObject({ status: 'ended', side: 'request' })
})
