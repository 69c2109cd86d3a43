import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator } from '@playwright/test'
import { chooseLanguage, storedRows, waitForServiceWorker } from './helpers.ts'

test('a tandem offer made offline is kept across a reload and arrives exactly once when back online', async ({ page, context }) => {
  await chooseLanguage(page, 'Deutsch')
  await waitForServiceWorker(page)
  await page.goto('/volunteering')
  await expect(page.getByRole('heading', { level: 1, name: 'Mitmachen' })).toBeVisible()

  await context.setOffline(true)
  await page.getByRole('link', { name: 'Tandem anbieten' }).click()
  await page.getByRole('radio', { name: /Sprachtandem/ }).check()
  await page.getByLabel('Name').fill('Erika Beispiel')
  await page.getByLabel('E-Mail-Adresse').fill('Erika@Example.org')
  await page.getByLabel('Landkreis oder Stadt').selectOption('stendal')
  await page.getByRole('checkbox', { name: /um eine passende Tandem-Person zu finden/ }).check()
  await page.getByRole('button', { name: 'Angebot speichern und senden' }).click()

  const signup = page.getByTestId('signup')
  await expect(signup).toHaveCount(1)
  await expect(signup).toContainText('Auf diesem Handy gespeichert – wird gesendet, sobald Internet da ist.')
  await expect(signup).not.toContainText('Angekommen')

  await page.reload()
  await expect(signup).toHaveCount(1)
  await expect(signup).toContainText('Auf diesem Handy gespeichert')

  await context.setOffline(false)
  await expect(signup).toContainText('Angekommen – die Koordinierungsstelle meldet sich.')
  await expect(signup).toHaveCount(1)

  // The server holds the entry once: its manage token shows it, and a replay of the key returns the same id.
  const href = await signup.getByTestId('export').getAttribute('href')
  const token = /\/api\/v1\/manage\/([\w-]+)/.exec(href!)![1]!
  const entry = await (await page.request.get(`/api/v1/manage/${token}`)).json()
  expect(entry).toMatchObject({ type: 'tandem', status: 'received', personal: { name: 'Erika Beispiel', email: 'erika@example.org' } })

  const stored = await storedRows<{ clientId: string; payload: unknown }>(page, 'outbox')
  expect(stored).toHaveLength(1)
  const replay = await page.request.post('/api/v1/tandems', {
    headers: { 'content-type': 'application/json', 'idempotency-key': stored[0]!.clientId },
    data: JSON.stringify(stored[0]!.payload),
  })
  expect(replay.status()).toBe(201)
  expect((await replay.json()).id).toBe(entry.id)

  // Forgetting an active entry on the phone asks first; the server keeps it.
  await signup.getByRole('button', { name: 'Von diesem Handy löschen' }).click()
  await expect(signup.getByTestId('confirm')).toContainText('Beim Server bleibt sie bestehen.')
  await signup.getByRole('button', { name: 'Ja, von diesem Handy löschen' }).click()
  await expect(signup).toHaveCount(0)
  expect((await (await page.request.get(`/api/v1/manage/${token}`)).json()).status).toBe('received')
})

test('the form shows the same errors as the server, next to the fields, and keeps a draft across a reload', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  await page.goto('/volunteering/request')
  await page.getByLabel('Name').fill('Oleksandr (Beispiel)')
  await page.getByLabel('Telefonnummer').fill('0391 abc')
  // The draft is written on every change, a few milliseconds after it; a reload at once could come first.
  await expect.poll(async () => (await storedRows<{ value: { phone?: string } }>(page, 'drafts')).some((d) => d.value.phone === '0391 abc')).toBe(true)
  await page.reload()
  await expect(page.getByLabel('Name')).toHaveValue('Oleksandr (Beispiel)')

  await page.getByRole('button', { name: 'Anfrage speichern und senden' }).click()
  await expect(page.getByRole('alert')).toHaveText('Bitte prüfen Sie die markierten Angaben.')
  const phone = page.getByLabel('Telefonnummer')
  await expect(phone).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator(`#${await phone.getAttribute('aria-describedby').then((ids) => ids!.split(' ').pop())}`)).toHaveText(
    'Bitte geben Sie eine gültige Telefonnummer an, zum Beispiel 0391 1234567.',
  )
  await expect(page.getByText('Bitte füllen Sie dieses Feld aus.').first()).toBeVisible()
  await expect(page.getByTestId('signup')).toHaveCount(0)
})

test('a registration for a network meeting is confirmed by the server, and can be withdrawn', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  await page.goto('/volunteering/register')
  const date = page.getByLabel('Termin')
  await expect(date.locator('option')).not.toHaveCount(1) // more than the "please choose" option
  await selectSampleMeeting(date)
  await page.getByLabel('Name').fill('Kim Beispiel')
  await page.getByLabel('E-Mail-Adresse').fill('kim@example.org')
  await page.getByRole('radio', { name: 'Sprache', exact: true }).check()
  await page.getByRole('checkbox', { name: /um das Treffen zu organisieren/ }).check()
  await page.getByRole('button', { name: 'Anmeldung speichern und senden' }).click()

  const signup = page.getByTestId('signup')
  await expect(signup).toContainText('Bestätigt – Sie haben einen Platz.')
  const axe = await new AxeBuilder({ page }).analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])
  await signup.getByRole('button', { name: 'Zurückziehen', exact: true }).click()
  await signup.getByRole('button', { name: 'Ja, zurückziehen' }).click()
  // It goes out once the few seconds for "undo" are over.
  await expect(signup).toContainText('Zurückgezogen – Ihre Daten wurden gelöscht.', { timeout: 20_000 })
  const href = await signup.getByTestId('export').getAttribute('href')
  const entry = await (await page.request.get(href!.replace('?format=json', ''))).json()
  expect(entry).toMatchObject({ type: 'registration', status: 'cancelled', personal: null })
})

for (const [language, nativeName] of [
  ['German', 'Deutsch'],
  ['Arabic', 'العربية'],
] as const) {
  test(`no axe violations on the volunteering forms in ${language}`, async ({ page }) => {
    await chooseLanguage(page, nativeName)
    for (const path of ['/volunteering/offer', '/volunteering/request', '/volunteering/register']) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      // Submit empty: the errors must be accessible too. The form's own button, not the last one on the
      // page: the "works offline" notice, with its close button, may come in the meantime.
      await page.getByRole('main').locator('form button[type=submit]').click()
      await expect(page.getByRole('alert').first()).toBeVisible()
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations, `${path}: ${results.violations.map((v) => v.id).join(', ')}`).toEqual([])
    }
  })
}

test('an entry the server refuses stays on the phone with the reason, and goes out once corrected', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  await page.goto('/volunteering')
  // A registration saved while the date still existed on the phone; the server no longer knows the date.
  await page.evaluate(async () => {
    const open = indexedDB.open('willkommen')
    const idb = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)))
    const now = Date.now()
    const entry = {
      clientId: crypto.randomUUID(),
      kind: 'registration',
      payload: {
        occurrenceId: '00000000-0000-4000-8000-000000000000:20261203T1700',
        name: 'Kim Beispiel',
        // An address of its own: another test registers for the same date, and a repeated run would
        // otherwise be refused as a second registration of the same person.
        email: `kim.refused.${crypto.randomUUID().slice(0, 8)}@example.org`,
        workingGroup: 'language',
        consents: { store: { textVersion: '2026-11', givenAt: new Date(now).toISOString() } },
      },
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      response: null,
      createdAt: now,
    }
    await new Promise((resolve) => (idb.transaction('outbox', 'readwrite').objectStore('outbox').add(entry).onsuccess = resolve))
  })
  await page.reload()
  const signup = page.getByTestId('signup')
  await expect(signup).toContainText('Nicht angenommen – bitte korrigieren.')
  await expect(signup).toContainText('Diesen Termin gibt es nicht (mehr).')

  await signup.getByRole('link', { name: 'Korrigieren und erneut senden' }).click()
  await expect(page.getByLabel('Name')).toHaveValue('Kim Beispiel')
  await expect(page.locator('#occurrence-error')).toHaveText('Diesen Termin gibt es nicht (mehr).')
  await selectSampleMeeting(page.getByLabel('Termin'))
  await page.getByRole('button', { name: 'Korrigiert erneut senden' }).click()
  await expect(signup).toHaveCount(1)
  await expect(signup).toContainText('Bestätigt – Sie haben einen Platz.')
})

/** The first date of the sample statewide meeting: other tests fill dates of their own events on the same server. */
async function selectSampleMeeting(select: Locator): Promise<void> {
  await expect(select.locator('option', { hasText: 'Landesweites Netzwerktreffen' }).first()).toBeAttached()
  const labels = await select.locator('option').allTextContents()
  const index = labels.findIndex((l) => l.includes('Landesweites Netzwerktreffen'))
  expect(index).toBeGreaterThan(0)
  await select.selectOption({ index })
}
