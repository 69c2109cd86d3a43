import { expect, test, type Page } from '@playwright/test'
import { createMeetupThroughApi, loginAsCoordinator } from './helpers.ts'
import { E2E_PASSWORD } from './e2e-accounts.ts'

// "Save" sits at the bottom of a long form: its answer must appear there (and be announced), and a
// session that ended meanwhile must not cost what was typed.

function berlinDay(daysAhead: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + daysAhead * 86400000))
}

async function openNewEvent(page: Page) {
  await loginAsCoordinator(page, 'stendal@example.org')
  const created = await createMeetupThroughApi(page, {
    kind: 'welcome-table',
    title: { de: `Willkommenstisch ${Date.now().toString(36)}` },
    description: { de: 'Kaffee und Fragen (Beispiel).' },
    district: 'stendal',
    placeName: 'Bürgerhaus (Beispiel)',
    address: 'Markt 2, 39576 Stendal',
    organiser: 'Beispielverein',
    startsLocal: `${berlinDay(6)}T16:00`,
  })
  await page.goto(`/coordination/meetups/${created.id}`)
  const description = page.getByLabel(/^Beschreibung – Deutsch/)
  await expect(description).toHaveValue('Kaffee und Fragen (Beispiel).')
  return { id: created.id, description }
}

/** The live region next to the save button, holding `text`, and visible where the person looks. */
async function expectAnswerBySaveButton(page: Page, text: string | RegExp) {
  const answer = page.getByRole('status').filter({ hasText: text })
  await expect(answer).toBeVisible()
  await expect(answer).toBeInViewport()
  await expect(page.getByTestId('save-meetup')).toBeInViewport()
  return answer
}

test('an expired session keeps what was typed: log in again, come back to the form, the text is there and saves', async ({ page, playwright, baseURL }) => {
  const { id, description } = await openNewEvent(page)
  const typed = 'Kaffee, Kuchen und Fragen zu Behörden – mit Dolmetscherin für Ukrainisch.'
  await description.fill(typed)

  // The session ends on the server (as when it runs out): the browser still sends its cookie, the server no longer knows it.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
  const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } })
  expect((await other.post('/api/v1/coordination/logout')).status()).toBe(204)
  await other.dispose()

  await page.getByTestId('save-meetup').click()
  const answer = await expectAnswerBySaveButton(page, 'Ihre Anmeldung ist abgelaufen')
  await answer.getByRole('link', { name: 'Neu anmelden und zurückkommen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung für Koordinatorinnen und Koordinatoren' })).toBeVisible()
  await page.getByLabel('E-Mail-Adresse').fill('stendal@example.org')
  await page.getByLabel('Passwort').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'Anmelden' }).click()
  await expect(page).toHaveURL(new RegExp(`/coordination/meetups/${id}$`))
  await expect(description).toHaveValue(typed)
  await expect(page.getByTestId('draft-restored')).toBeVisible()

  await page.getByTestId('save-meetup').click()
  await expectAnswerBySaveButton(page, 'Gespeichert.')
  await page.reload()
  await expect(description).toHaveValue(typed)
  await expect(page.getByTestId('draft-restored')).toHaveCount(0)
})

test('with no connection the answer by the button says so, the text stays, and saving works once online again', async ({ page }) => {
  const { description } = await openNewEvent(page)
  const typed = 'Kaffee und Fragen – jetzt auch mit Kinderecke.'
  await description.fill(typed)

  await page.context().setOffline(true)
  await page.getByTestId('save-meetup').click()
  await expectAnswerBySaveButton(page, 'Keine Verbindung')
  await expect(description).toHaveValue(typed)

  await page.context().setOffline(false)
  await page.getByTestId('save-meetup').click()
  await expectAnswerBySaveButton(page, 'Gespeichert.')
  await page.reload()
  await expect(description).toHaveValue(typed)
})

test('the partner editor keeps a new entry through an expired session too', async ({ page, playwright, baseURL }) => {
  await loginAsCoordinator(page, 'stendal@example.org')
  await page.goto('/coordination/partners')
  await page.getByTestId('partner-new').click()
  const editor = page.getByTestId('partner-editor')
  const organisation = `Familienzentrum ${Date.now().toString(36)} (Beispiel)`
  await editor.getByRole('textbox', { name: /^Organisation/ }).fill(organisation)
  await editor.getByRole('textbox', { name: /^Anschrift/ }).fill('Beispielgasse 7, 39576 Stendal')
  await editor.getByLabel('Landkreis oder Stadt').selectOption('stendal')
  await editor.getByRole('textbox', { name: /^Funktion der Ansprechperson/ }).fill('Leitung')
  await editor.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill('leitung@familienzentrum-beispiel.org')

  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
  const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } })
  expect((await other.post('/api/v1/coordination/logout')).status()).toBe(204)
  await other.dispose()

  await editor.getByRole('button', { name: 'Speichern' }).click()
  const answer = editor.getByRole('status').filter({ hasText: 'Ihre Anmeldung ist abgelaufen' })
  await expect(answer).toBeInViewport()
  await answer.getByRole('link', { name: 'Neu anmelden und zurückkommen' }).click()
  // The editor has an "E-Mail-Adresse" field too: fill the login form only once it is there.
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung für Koordinatorinnen und Koordinatoren' })).toBeVisible()
  await page.getByLabel('E-Mail-Adresse').fill('stendal@example.org')
  await page.getByLabel('Passwort').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'Anmelden' }).click()

  await expect(page.getByTestId('draft-restored')).toBeVisible()
  await expect(editor.getByRole('textbox', { name: /^Organisation/ })).toHaveValue(organisation)
  await expect(editor.getByRole('textbox', { name: /^Funktion der Ansprechperson/ })).toHaveValue('Leitung')
  await editor.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Partner hinzugefügt.' })).toBeVisible()
  await expect(page.getByTestId('partner-row').filter({ hasText: organisation })).toBeVisible()
})
