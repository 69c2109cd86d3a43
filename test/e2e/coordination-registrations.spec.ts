import { readFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import { createNetworkMeeting, loginAsCoordinator } from './helpers.ts'
import { E2E_PASSWORD } from './e2e-accounts.ts'

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function downloadCsv(page: Page, testId: string, delimiter: ';' | ',') {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  const bytes = await readFile((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const rows = parse(bytes.toString('utf8'), { bom: true, delimiter, record_delimiter: '\r\n' }) as string[][]
  return { name: download.suggestedFilename(), rows }
}

test('the admin reads registrations in Arabic (right to left) with no axe violations, and the CSV header follows', async ({ page }) => {
  await page.goto('/coordination/login')
  await page.getByRole('button', { name: 'العربية' }).click()
  await page.getByLabel('البريد الإلكتروني').fill('admin@example.org')
  await page.getByLabel('كلمة المرور').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click()
  await expect(page.getByTestId('coordination-account')).toHaveText('admin@example.org')

  // Someone registered for a Magdeburg sample date (the admin sees every district).
  const dates = (await (await page.request.get('/api/v1/coordination/registrations/dates?district=magdeburg')).json()) as Array<{ occurrenceId: string; startsAt: string }>
  const upcoming = dates.find((d) => new Date(d.startsAt).getTime() > Date.now())!
  const answer = await page.request.post('/api/v1/registrations', {
    headers: { 'idempotency-key': randomUUID() },
    data: {
      occurrenceId: upcoming.occurrenceId,
      name: 'أحمد الخطيب',
      email: 'ahmad@example.org',
      workingGroup: 'culture-social',
      consents: { store: { textVersion: '2026-11', givenAt: new Date().toISOString() } },
    },
  })
  expect(answer.status()).toBe(201)

  await page.goto('/coordination/registrations?district=magdeburg')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByLabel('المقاطعة أو المدينة')).toHaveValue('magdeburg')
  await expect(page.getByTestId('registration-event').first()).toBeVisible()
  expect(await axeViolations(page)).toEqual([])

  await page.locator(`[data-occurrence="${upcoming.occurrenceId}"]`).click()
  const person = page.getByTestId('registration').filter({ hasText: 'أحمد الخطيب' })
  await expect(person).toContainText('مؤكَّد')
  await expect(person.getByRole('radio', { name: 'حضر', exact: true })).toBeVisible()
  expect(await axeViolations(page)).toEqual([])

  const csv = await downloadCsv(page, 'csv-semicolon', ';')
  expect(csv.rows[0]).toEqual(['الحالة', 'الاسم', 'المؤسسة', 'البريد الإلكتروني', 'مجموعة العمل', 'تاريخ التسجيل', 'الحضور'])
  expect(csv.rows.find((r) => r[1] === 'أحمد الخطيب')!.slice(0, 5)).toEqual(['مؤكَّد', 'أحمد الخطيب', '', 'ahmad@example.org', expect.any(String)])
})

test('a registration made in the app reaches the Stendal coordinator: attendance, CSV download, cancel with promotion', async ({ page }) => {
  test.setTimeout(90_000)
  await loginAsCoordinator(page, 'stendal@example.org')

  // A Stendal network meeting with one place, made in the event editor's API.
  const title = `Netzwerktreffen Stendal ${randomUUID().slice(0, 8)} (Beispiel)`
  const occurrenceId = await createNetworkMeeting(page, title, 1, 3)

  // A participant registers through the app's form (the date arrives on the phone by the sync).
  await page.goto('/volunteering/register')
  const date = page.getByLabel('Termin')
  await expect(date.locator(`option[value="${occurrenceId}"]`)).toHaveCount(1, { timeout: 15_000 })
  await date.selectOption(occurrenceId)
  await page.getByLabel('Name').fill('Jürgen Müßig (Beispiel)')
  await page.getByLabel('Organisation (freiwillig)').fill('Verein "Brücke"; Stendal')
  await page.getByLabel('E-Mail-Adresse').fill('juergen@example.org')
  // A Stendal date: Stendal's network has no working groups, so the form asks for none.
  await expect(page.getByRole('radio', { name: 'Sprache', exact: true })).toHaveCount(0)
  await page.getByRole('checkbox', { name: /um das Treffen zu organisieren/ }).check()
  await page.getByRole('button', { name: 'Anmeldung speichern und senden' }).click()
  await expect(page.getByTestId('signup')).toContainText('Bestätigt – Sie haben einen Platz.')

  // A second person, after the place is taken: waiting list.
  const second = await page.request.post('/api/v1/registrations', {
    headers: { 'idempotency-key': randomUUID() },
    data: {
      occurrenceId,
      name: 'مريم الأحمد',
      email: 'maryam@example.org',
      workingGroup: 'work-training',
      consents: { store: { textVersion: '2026-11', givenAt: new Date().toISOString() } },
    },
  })
  expect((await second.json()).status).toBe('waitlisted')

  // The coordinator picks the date: grouped under its event, full, with a waiting list.
  await page.goto('/coordination/registrations')
  const event = page.getByTestId('registration-event').filter({ has: page.getByRole('heading', { name: title }) })
  const link = event.getByTestId('registration-date')
  await expect(link).toContainText('Bestätigt: 1 von 1 Plätzen')
  await expect(link).toContainText('Warteliste: 1')
  await expect(link).toContainText('ausgebucht')
  expect(await axeViolations(page)).toEqual([])
  await link.click()

  await expect(page.getByRole('heading', { level: 2, name: title })).toBeFocused()
  const people = page.getByTestId('registration')
  await expect(people).toHaveCount(2)
  const juergen = people.filter({ has: page.getByRole('heading', { name: 'Jürgen Müßig (Beispiel)' }) })
  await expect(juergen).toContainText('bestätigt')
  await expect(juergen).toContainText('juergen@example.org')
  await expect(people.nth(1)).toContainText('Warteliste, Platz 1')
  expect(await axeViolations(page)).toEqual([])

  // Attendance: one tap on a target of at least 44 × 44 px, kept by the server.
  const came = juergen.getByRole('radio', { name: 'Da', exact: true })
  const box = await juergen.locator('.attendance-option').filter({ hasText: /^Da$/ }).boundingBox()
  expect(box!.height).toBeGreaterThanOrEqual(44)
  expect(box!.width).toBeGreaterThanOrEqual(44)
  await came.check()
  await expect(page.getByTestId('registration-message')).toHaveText('Teilnahme gespeichert.')
  await page.reload()
  await expect(page.getByTestId('registration').first().getByRole('radio', { name: 'Da', exact: true })).toBeChecked()

  // Both downloads, read by an independent CSV parser.
  const excel = await downloadCsv(page, 'csv-semicolon', ';')
  expect(excel.name).toMatch(/^anmeldungen-\d{4}-\d\d-\d\d-1700-.+\.csv$/)
  expect(excel.rows).toEqual([
    ['Status', 'Name', 'Organisation', 'E-Mail', 'Arbeitsgruppe', 'Angemeldet am', 'Teilnahme'],
    ['bestätigt', 'Jürgen Müßig (Beispiel)', 'Verein "Brücke"; Stendal', 'juergen@example.org', '', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/), 'ja'],
    ['Warteliste', 'مريم الأحمد', '', 'maryam@example.org', 'Arbeit und Ausbildung', expect.any(String), ''],
  ])
  const comma = await downloadCsv(page, 'csv-comma', ',')
  expect(comma.rows).toEqual(excel.rows)

  // Cancelling on Jürgen's behalf asks first, then the waiting person moves up.
  await juergen.getByRole('button', { name: /Absagen/ }).click()
  await expect(juergen.getByRole('alert')).toContainText('Anmeldung von Jürgen Müßig (Beispiel) absagen?')
  await expect(juergen.getByRole('button', { name: 'Ja, absagen' })).toBeFocused()
  await juergen.getByRole('button', { name: 'Ja, absagen' }).click()
  await expect(page.getByTestId('registration-message')).toHaveText('Die Anmeldung ist abgesagt. مريم الأحمد ist von der Warteliste nachgerückt.')
  await expect(people.first()).toContainText('مريم الأحمد')
  await expect(people.first()).toContainText('bestätigt')
  await expect(people.last()).toContainText('Daten gelöscht')
  await expect(page.getByTestId('registration-counts')).toContainText('Abgesagt: 1')

  // On a desktop the same view is clean too.
  await page.setViewportSize({ width: 1280, height: 900 })
  expect(await axeViolations(page)).toEqual([])
  await page.getByRole('link', { name: 'Zurück zu allen Terminen' }).click()
  await expect(page.getByTestId('registration-event').first()).toBeVisible()
})
