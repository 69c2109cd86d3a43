import AxeBuilder from '@axe-core/playwright'
import ICAL from 'ical.js'
import { devices, expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { chooseLanguage, createMeetupThroughApi, loginAsCoordinator, meetupCardsShown } from './helpers.ts'
import { E2E_PASSWORD } from './e2e-accounts.ts'

const DAY = 86400000

/** A Berlin calendar day at least `daysAhead` days from now, as YYYY-MM-DD, and its weekday's German name. */
function berlinDayAhead(daysAhead: number): { date: string; weekday: string } {
  const at = new Date(Date.now() + daysAhead * DAY)
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at)
  const weekday = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long' }).format(at)
  return { date, weekday }
}

/** The first last-Friday-of-a-month at least `daysAhead` days from now (Berlin calendar), as YYYY-MM-DD. */
function lastFridayAhead(daysAhead: number): string {
  for (let t = Date.now() + daysAhead * DAY; ; t += DAY) {
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(t))
    const noon = new Date(`${date}T12:00:00Z`)
    if (noon.getUTCDay() === 5 && new Date(noon.getTime() + 7 * DAY).getUTCMonth() !== noon.getUTCMonth()) return date
  }
}

function berlinTime(d: Date): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(d)
}

async function feedEvents(request: APIRequestContext, summary: string) {
  const res = await request.get('/api/v1/calendar.ics?district=stendal')
  expect(res.status()).toBe(200)
  const cal = new ICAL.Component(ICAL.parse(await res.text()))
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz))
  return cal
    .getAllSubcomponents('vevent')
    .map((c) => new ICAL.Event(c))
    .filter((e) => e.summary === summary)
    .sort((a, b) => a.startDate.toJSDate().getTime() - b.startDate.toJSDate().getTime())
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
}

test('a Stendal coordinator publishes a fortnightly language café; a newcomer\'s phone and the calendar feed get it, and a cancelled date', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const title = `Sprachcafé am Bahnhof ${Date.now().toString(36)}`
  const first = berlinDayAhead(8)

  // The newcomer's phone: a language and the district Stendal chosen.
  const phoneContext = await browser.newContext({ ...devices['Pixel 7'], baseURL: test.info().project.use.baseURL })
  const phone = await phoneContext.newPage()
  await chooseLanguage(phone, 'Deutsch')
  await phone.goto('/district')
  await phone.getByRole('button', { name: 'Stendal', exact: true }).click()
  await expect(phone.getByTestId('district-chosen')).toContainText('Stendal')
  await phone.goto('/meetups')
  await expect(phone.getByLabel('Landkreis')).toHaveValue('stendal')
  await expect(phone.getByTestId('meetup').first()).toBeVisible()
  await expect(phone.getByTestId('meetup').filter({ hasText: title })).toHaveCount(0)

  // The coordinator, on a phone as well: the list, then a new event.
  await loginAsCoordinator(page, 'stendal@example.org')
  await expect(page.getByRole('heading', { level: 1, name: 'Veranstaltungen und Termine' })).toBeVisible()
  await expect(page.getByTestId('admin-meetup').first()).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByTestId('new-meetup').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Veranstaltung' })).toBeVisible()
  await page.getByLabel('Art', { exact: true }).selectOption('language-cafe')
  await expect(page.getByLabel(/^Landkreis/)).toHaveValue('stendal')
  await page.getByLabel(/^Titel – Deutsch/).fill(title)
  await page.getByLabel(/^Beschreibung – Deutsch/).fill('Deutsch sprechen üben bei Tee. Alle Niveaus sind willkommen.')
  await page.getByText('Titel in weiteren Sprachen (freiwillig)').click()
  await page.getByLabel('Titel – Englisch').fill('Language café at the station')
  await page.getByLabel(/^Datum des ersten Termins/).fill(first.date)
  await page.getByLabel(/^Beginn/).fill('17:00')
  await page.getByLabel(/^Dauer in Minuten/).fill('90')
  await page.getByRole('radio', { name: 'Wöchentlich' }).check()
  await page.getByLabel('Alle wie viele Wochen?').fill('2')
  // The weekday of the first date is ticked by itself.
  await expect(page.getByRole('checkbox', { name: first.weekday })).toBeChecked()
  const preview = page.getByTestId('rule-preview')
  await expect(preview.getByTestId('rule-summary')).toHaveText(`Alle 2 Wochen am ${first.weekday}, jeweils um 17:00 Uhr`)
  await expect(preview.getByRole('listitem')).toHaveCount(5)
  await page.getByLabel(/^Ort/).fill('Bahnhofsmission (Beispiel)')
  await page.getByLabel(/^Adresse/).fill('Beispielstraße 9, 39576 Stendal')
  await page.getByLabel(/^Veranstalter/).fill('Beispielverein Stendal')
  await page.getByRole('checkbox', { name: 'Englisch' }).check()
  await expectNoAxeViolations(page)

  await page.getByTestId('save-meetup').click()
  await expect(page.getByTestId('editor-status')).toContainText('Die Veranstaltung ist angelegt')
  await expect(page).toHaveURL(/\/coordination\/meetups\/[0-9a-f-]{36}/)
  const dates = page.getByTestId('editor-date')
  await expect(dates.first()).toBeVisible()
  await expectNoAxeViolations(page)

  // The phone gets it at its next sync (here: opening the app again).
  await phone.reload()
  let cards = await meetupCardsShown(phone, title, 3)
  await expect(cards.first()).toHaveAttribute('data-status', 'scheduled')
  await expect(cards.nth(1)).toHaveAttribute('data-status', 'scheduled')

  // And calendar subscribers get it in the district's feed: a fortnight apart, at 17:00 German time.
  let events = await feedEvents(page.request, title)
  expect(events.length).toBeGreaterThanOrEqual(20)
  expect(Math.round((events[1]!.startDate.toJSDate().getTime() - events[0]!.startDate.toJSDate().getTime()) / DAY)).toBe(14)
  expect(new Set(events.map((e) => berlinTime(e.startDate.toJSDate())))).toEqual(new Set(['17:00']))
  expect(events.every((e) => e.component.getFirstPropertyValue('status') === 'CONFIRMED')).toBe(true)
  expect(events[1]!.component.getFirstPropertyValue('sequence')).toBe(0)

  // The coordinator cancels the second date.
  const second = dates.nth(1)
  const secondId = (await second.getAttribute('data-id'))!
  await second.getByRole('button', { name: /^Absagen/ }).click()
  await expect(page.getByTestId('editor-status')).toContainText('ist abgesagt')
  await expect(second).toHaveAttribute('data-status', 'cancelled')
  await expect(second.getByRole('button', { name: /^Wieder ansetzen/ })).toBeVisible()

  // The feed says so …
  events = await feedEvents(page.request, title)
  const cancelled = events.find((e) => e.uid === `${secondId}@willkommen.example.org`)!
  expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED')
  expect(cancelled.component.getFirstPropertyValue('sequence')).toBe(1)
  expect(events[0]!.component.getFirstPropertyValue('status')).toBe('CONFIRMED')

  // … and so does the phone after its next sync; the other dates stay.
  await phone.reload()
  cards = await meetupCardsShown(phone, title, 3)
  await expect(cards.nth(1)).toHaveAttribute('data-status', 'cancelled')
  await expect(cards.nth(1)).toContainText('Abgesagt')
  await expect(cards.first()).toHaveAttribute('data-status', 'scheduled')
  await expect(cards.nth(2)).toHaveAttribute('data-status', 'scheduled')
  await phoneContext.close()
})

test('the event list and the editor have no axe violations in Arabic (right to left)', async ({ page }) => {
  await page.goto('/coordination/login')
  await page.getByRole('button', { name: 'العربية' }).click()
  await page.getByLabel('البريد الإلكتروني').fill('admin@example.org')
  await page.getByLabel('كلمة المرور').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click()
  await expect(page.getByTestId('coordination-account')).toHaveText('admin@example.org')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1, name: 'الفعاليات والمواعيد' })).toBeVisible()
  await expect(page.getByTestId('admin-meetup').first()).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByTestId('admin-meetup').first().getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1, name: 'تعديل الفعالية' })).toBeVisible()
  await expect(page.getByTestId('editor-date').first()).toBeVisible()
  await expect(page.getByTestId('rule-summary')).not.toBeEmpty()
  await expectNoAxeViolations(page)

  // A form sent incomplete names its fields, in Arabic, and stays accessible.
  await page.getByRole('link', { name: 'العودة إلى النظرة العامة' }).click()
  await page.getByTestId('new-meetup').click()
  await page.getByTestId('save-meetup').click()
  await expect(page.getByRole('alert').first()).toBeVisible()
  await expect(page.locator('[aria-invalid="true"]').first()).toBeFocused()
  await expectNoAxeViolations(page)
})

test('an admin moves, cancels and restores single dates, edits an event and cancels it altogether', async ({ page }) => {
  test.setTimeout(90_000)
  await loginAsCoordinator(page, 'admin@example.org')
  const title = `Infoabend ${Date.now().toString(36)}`
  const first = lastFridayAhead(10)
  // Made through the API (in a district no other browser test looks at), then handled in the UI.
  const { id } = await createMeetupThroughApi(page, {
    kind: 'info-event',
    title: { de: title },
    description: { de: 'Informationen zur Anerkennung von Abschlüssen.' },
    district: 'dessau-rosslau',
    placeName: 'Rathaus (Beispiel)',
    address: 'Beispielstraße 1, 06844 Dessau-Roßlau',
    organiser: 'Beispielverein',
    startsLocal: `${first}T18:00`,
    recurrence: { type: 'monthly', interval: 1, week: -1, weekday: 'FR', end: { type: 'count', count: 3 } },
  })

  await page.goto('/coordination/meetups')
  await page.getByLabel('Landkreis').selectOption('dessau-rosslau')
  await expect(page).toHaveURL(/district=dessau-rosslau/)
  const item = page.getByTestId('admin-meetup').filter({ hasText: title })
  await expect(item).toHaveCount(1)
  await item.getByRole('link', { name: title }).click()
  await expect(page).toHaveURL(new RegExp(`/coordination/meetups/${id}`))

  // Move the first date to 19:30 the same day.
  const date = page.getByTestId('editor-date').first()
  await date.getByRole('button', { name: /^Verschieben/ }).click()
  await page.getByLabel('Neuer Beginn (deutsche Zeit)').fill('19:30')
  await date.getByRole('button', { name: 'Verschieben', exact: true }).click()
  await expect(page.getByTestId('editor-status')).toContainText('verschoben')
  await expect(date).toContainText('19:30')
  await expect(date).toContainText('Verschoben, ursprünglich')

  // Cancel it, then let it take place after all.
  await date.getByRole('button', { name: /^Absagen/ }).click()
  await expect(date).toHaveAttribute('data-status', 'cancelled')
  await date.getByRole('button', { name: /^Wieder ansetzen/ }).click()
  await expect(date).toHaveAttribute('data-status', 'scheduled')
  await expect(page.getByTestId('editor-status')).toContainText('findet wieder statt')

  // Edit: registration on asks for the capacity; then it saves.
  await page.getByLabel(/^Titel – Deutsch/).fill(`${title} (neu)`)
  await page.getByTestId('registration-toggle').check()
  await page.getByTestId('save-meetup').click()
  await expect(page.getByLabel(/^Plätze pro Termin/)).toBeFocused()
  await expect(page.getByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible()
  await page.getByLabel(/^Plätze pro Termin/).fill('25')
  await page.getByTestId('save-meetup').click()
  await expect(page.getByTestId('save-feedback')).toContainText('Gespeichert')

  // Cancel the whole event, with a second step to confirm.
  await page.getByRole('button', { name: 'Ganze Veranstaltung absagen …' }).click()
  await page.getByRole('button', { name: 'Ja, alle absagen' }).click()
  await expect(page.getByTestId('event-cancelled')).toBeVisible()
  await expect(page.getByTestId('editor-date').first()).toHaveAttribute('data-status', 'cancelled')
  const detail = await (await page.request.get(`/api/v1/coordination/meetups/${id}`)).json()
  expect(detail).toMatchObject({ input: { title: { de: `${title} (neu)` }, registrationRequired: true, capacity: 25 } })
  expect(detail.cancelledAt).not.toBeNull()

  // The log has every step.
  const audit = await (await page.request.get(`/api/v1/coordination/audit?district=dessau-rosslau`)).json()
  expect(audit.map((a: { action: string }) => a.action).reverse()).toEqual(['meetup.create', 'date.move', 'date.cancel', 'date.restore', 'meetup.update', 'meetup.cancel'])
})
