import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { chooseLanguage, loginAsCoordinator, waitForServiceWorker } from './helpers.ts'

const ORGANISATION = 'Nachbarschaftshaus Tangermünde (Beispiel)'

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test('a partner declares an entry in the app, the Stendal coordinator applies it, and the phone shows it in the contacts', async ({ page, browser }) => {
  test.setTimeout(90_000) // two devices and four accessibility checks
  // The partner organisation, on a phone.
  await chooseLanguage(page, 'Deutsch')
  await page.goto('/more')
  await page.getByRole('link', { name: 'Partnererklärung abgeben, ändern oder löschen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Erklärung zur Mitarbeit im Integrationsnetzwerk' })).toBeVisible()

  // Sending without the needed details shows the same messages the server would give, next to the fields.
  await page.getByRole('button', { name: 'Erklärung speichern und senden' }).click()
  await expect(page.getByRole('alert')).toHaveText('Bitte prüfen Sie die markierten Angaben.')
  await expect(page.getByLabel('Organisation', { exact: false }).first()).toHaveAttribute('aria-invalid', 'true')
  expect(await axeViolations(page)).toEqual([])

  await page.getByRole('radio', { name: /^Eintrag/ }).check()
  await page.getByRole('textbox', { name: /^Organisation/ }).fill(ORGANISATION)
  await page.getByRole('textbox', { name: /^Anschrift/ }).fill('Beispielstraße 12, 39590 Tangermünde')
  await page.getByLabel('Landkreis oder Stadt').selectOption('stendal')
  await page.getByRole('textbox', { name: /^Funktion der Ansprechperson/ }).fill('Leitung des Hauses')
  await page.getByRole('textbox', { name: /^Telefonnummer/ }).fill('039322 000-11')
  await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill('Kontakt@Nachbarschaftshaus-Beispiel.org')
  // Stendal's network has no working groups (Magdeburg's has): the form asks for none.
  await expect(page.getByRole('checkbox', { name: 'Sprache' })).toHaveCount(0)
  await page.getByRole('checkbox', { name: /um das Partnerverzeichnis und den Verteiler/ }).check()
  await page.getByRole('checkbox', { name: /öffentlich als Netzwerkpartner aufgeführt/ }).check()
  await page.getByRole('button', { name: 'Erklärung speichern und senden' }).click()

  await expect(page.getByTestId('saved-note')).toBeVisible()
  const sent = page.getByTestId('partner-request')
  await expect(sent).toHaveCount(1)
  await expect(sent).toContainText(`Eintrag: ${ORGANISATION}`)
  await expect(sent).toContainText('Angekommen – die Koordinierungsstelle prüft die Erklärung.')
  // The form is empty again for the next declaration.
  await expect(page.getByRole('textbox', { name: /^Organisation/ })).toHaveValue('')

  // The coordinator of Stendal, on another device.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false })
  const workspace = await desk.newPage()
  await loginAsCoordinator(workspace, 'stendal@example.org')
  await workspace.getByRole('link', { name: 'Partner', exact: true }).click()
  await workspace.getByRole('link', { name: /Erklärungen \(1\)/ }).click()
  const request = workspace.getByTestId('partner-request-item')
  await expect(request).toHaveCount(1)
  await expect(request).toContainText(ORGANISATION)
  await expect(request).toContainText('kontakt@nachbarschaftshaus-beispiel.org')
  await expect(request).toContainText('+493932200011')
  expect(await axeViolations(workspace)).toEqual([])
  await request.getByRole('button', { name: 'Eintragen' }).click()
  await expect(workspace.getByRole('status').filter({ hasText: 'Eingetragen.' })).toBeVisible()
  await expect(workspace.getByText('Keine offenen Erklärungen.')).toBeVisible()

  // The directory lists it; the audit log says who did it.
  await workspace.getByTestId('tab-directory').click()
  const row = workspace.getByTestId('partner-row').filter({ hasText: ORGANISATION })
  await expect(row).toContainText('Ja')
  await expect(row).toContainText('noch nie')
  expect(await axeViolations(workspace)).toEqual([])
  await workspace.getByRole('link', { name: 'Protokoll' }).click()
  await expect(workspace.getByTestId('audit-entry').filter({ hasText: 'Erklärung übernommen' }).first()).toContainText(ORGANISATION)
  await desk.close()

  // Back on the phone: after the next sync the contacts directory shows the organisation.
  await page.goto('/contacts')
  const contact = page.getByTestId('contact').filter({ hasText: ORGANISATION }).first()
  await expect(contact).toBeVisible()
  await expect(contact).toContainText('Partner im Integrationsnetzwerk')
  await expect(contact).toContainText('Beispielstraße 12, 39590 Tangermünde')
  await expect(contact).toContainText('kontakt@nachbarschaftshaus-beispiel.org')
  // And the declaration says it was applied.
  await page.goto('/partners/declare')
  await expect(page.getByTestId('partner-request')).toContainText('Übernommen – die Koordinierungsstelle hat Ihre Erklärung umgesetzt.')
})

test('a rejected declaration reaches the open phone that sent it, with the reason and the coordinator\'s note', async ({ page, browser }) => {
  test.setTimeout(90_000)
  const organisation = `Heimatverein Wernigerode ${Date.now()} (Beispiel)`
  await page.clock.install()
  await chooseLanguage(page, 'Deutsch')
  await page.goto('/partners/declare')
  await page.getByRole('radio', { name: /^Eintrag/ }).check()
  await page.getByRole('textbox', { name: /^Organisation/ }).fill(organisation)
  await page.getByRole('textbox', { name: /^Anschrift/ }).fill('Beispielweg 1, 38855 Wernigerode')
  await page.getByLabel('Landkreis oder Stadt').selectOption('harz')
  await page.getByRole('textbox', { name: /^Funktion der Ansprechperson/ }).fill('Vorsitz')
  await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill('vorsitz@heimatverein-beispiel.org')
  await page.getByRole('checkbox', { name: /um das Partnerverzeichnis und den Verteiler/ }).check()
  await page.getByRole('button', { name: 'Erklärung speichern und senden' }).click()
  const sent = page.getByTestId('partner-request').filter({ hasText: organisation })
  await expect(sent).toContainText('Angekommen – die Koordinierungsstelle prüft die Erklärung.')

  // The admin turns it down in the workspace, with a reason from the list and a note.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false })
  const workspace = await desk.newPage()
  await loginAsCoordinator(workspace, 'admin@example.org')
  await workspace.getByRole('link', { name: 'Partner', exact: true }).click()
  await workspace.getByRole('link', { name: /Erklärungen/ }).click()
  const request = workspace.getByTestId('partner-request-item').filter({ hasText: organisation })
  await expect(request.getByRole('button', { name: 'Ablehnen' })).toBeDisabled()
  await request.getByLabel('Grund, falls Sie ablehnen').selectOption('not-network')
  await request.getByLabel('Nachricht an die Organisation (freiwillig)').fill('Bitte melden Sie sich beim Netzwerk Harz.')
  await request.getByRole('button', { name: 'Ablehnen' }).click()
  await expect(workspace.getByRole('status').filter({ hasText: 'Erklärung abgelehnt.' })).toBeVisible()
  await desk.close()

  // The phone stayed open: within half a minute its card says so, with the reason, in its language.
  await page.clock.fastForward(30_000)
  await expect(sent).toContainText('Abgelehnt – die Koordinierungsstelle hat Ihre Erklärung nicht übernommen.')
  await expect(sent.getByTestId('reject-reason')).toHaveText('Die Organisation gehört nicht zum Netzwerk dieses Landkreises.')
  await expect(sent).toContainText('Nachricht der Koordinierungsstelle: Bitte melden Sie sich beim Netzwerk Harz.')
})

test('the declaration form reads right to left in Arabic, with no accessibility violations', async ({ page }) => {
  await chooseLanguage(page, 'العربية')
  await page.goto('/partners/declare')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1, name: 'إعلان المشاركة في شبكة الاندماج' })).toBeVisible()
  await page.getByRole('radio', { name: /تعديل/ }).check()
  await expect(page.getByRole('group', { name: 'أي قيد يجب تعديله؟' })).toBeVisible()
  expect(await axeViolations(page)).toEqual([])
  // Every input and button is a full touch target.
  const small = await page.locator('form input:not([type=checkbox]):not([type=radio]), form select, form button, .choice').evaluateAll((nodes) =>
    nodes.filter((n) => n.getBoundingClientRect().height < 44).map((n) => n.outerHTML.slice(0, 80)),
  )
  expect(small).toEqual([])
})

test('on a phone, a coordinator adds a partner with the editor and finds the attendance and removal lists', async ({ page }) => {
  test.setTimeout(60_000)
  await loginAsCoordinator(page, 'admin@example.org')
  await page.goto('/coordination/partners')
  await page.getByTestId('partner-new').click()
  const editor = page.getByTestId('partner-editor')
  // The editor checks like the server, before sending.
  await editor.getByRole('button', { name: 'Speichern' }).click()
  await expect(editor.getByRole('textbox', { name: /^Organisation/ })).toHaveAttribute('aria-invalid', 'true')
  expect(await axeViolations(page)).toEqual([])

  await editor.getByRole('textbox', { name: /^Organisation/ }).fill('Migrantenverein Stendal (Beispiel)')
  await editor.getByRole('textbox', { name: /^Anschrift/ }).fill('Beispielring 4, 39576 Stendal')
  await editor.getByLabel('Landkreis oder Stadt').selectOption('stendal')
  await editor.getByRole('textbox', { name: /^Funktion der Ansprechperson/ }).fill('Vorstand')
  await editor.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill('vorstand@migrantenverein-beispiel.org')
  // Stendal's network has no working groups (only Magdeburg's has): the editor asks for none.
  await expect(editor.getByRole('checkbox', { name: '(Inter-)Kultur und Soziales' })).toHaveCount(0)
  await editor.getByLabel('Partner seit').fill('2024-01-15')
  await editor.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Partner hinzugefügt.' })).toBeVisible()

  // Two years a partner without any attendance: flagged, in the list and on its own tab.
  const row = page.getByTestId('partner-row').filter({ hasText: 'Migrantenverein Stendal (Beispiel)' })
  await expect(row).toContainText('zur Löschung vorgemerkt')
  await expect(row).toContainText('Nein')
  await page.getByTestId('tab-flagged').click()
  await expect(page.getByTestId('tab-flagged')).toHaveText(/\(1\)/)
  await expect(page.getByTestId('flagged-row')).toContainText('15.01.2024')
  expect(await axeViolations(page)).toEqual([])

  await page.getByTestId('tab-attendance').click()
  await expect(page.getByRole('heading', { level: 2, name: 'Teilnahme an Netzwerktreffen' })).toBeVisible()
  expect(await axeViolations(page)).toEqual([])

  // Removing it from the flagged list.
  await page.getByTestId('tab-flagged').click()
  await page.getByTestId('flagged-row').getByRole('button', { name: /Löschen/ }).click()
  await page.getByRole('button', { name: 'Ja, löschen' }).click()
  await expect(page.getByText('Niemand ist zur Löschung vorgemerkt.')).toBeVisible()
})

test('a deletion declared offline waits on the device and is sent once the connection is back', async ({ page, context }) => {
  await chooseLanguage(page, 'Deutsch')
  await waitForServiceWorker(page)
  await page.goto('/partners/declare')
  await context.setOffline(true)
  await page.getByRole('radio', { name: /^Löschung/ }).check()
  // A deletion asks only what names the entry.
  await expect(page.getByRole('textbox', { name: /^Anschrift/ })).toHaveCount(0)
  await page.getByRole('textbox', { name: /^Organisation/ }).fill('Alter Verein Harz (Beispiel)')
  await page.getByLabel('Landkreis oder Stadt').selectOption('harz')
  await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill('info@alter-verein-beispiel.org')
  await page.getByRole('button', { name: 'Löschung speichern und senden' }).click()
  const sent = page.getByTestId('partner-request')
  await expect(sent).toContainText('Löschung: Alter Verein Harz (Beispiel)')
  await expect(sent).toContainText('Auf diesem Gerät gespeichert – wird gesendet, sobald Internet da ist.')
  await context.setOffline(false)
  await expect(sent).toContainText('Angekommen – die Koordinierungsstelle prüft die Erklärung.')
  await expect(sent).toHaveCount(1)
})
