import { randomUUID } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { chooseLanguage, requestTandemOnPhone, closeNoticesInTheWay } from './helpers.ts'
import { E2E_PASSWORD } from './e2e-accounts.ts'

const consent = { textVersion: '2026-11', givenAt: '2026-11-20T10:00:00.000Z' }
const axeViolations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)

test('the manage link from a sign-up card opens on a fresh device in the entry\'s language and does everything there', async ({ page, context, browser, playwright, baseURL }) => {
  test.setTimeout(90_000)
  const suffix = randomUUID().slice(0, 6)
  const name = `Oksana ${suffix} (Beispiel)`

  // A newcomer asks for a tandem from the phone, in German.
  await chooseLanguage(page, 'Deutsch')
  const signup = await requestTandemOnPhone(page, name)

  // The card shows the link with a plain warning, and copies it (this Chromium cannot share).
  const link = signup.getByTestId('manage-link')
  await link.getByText('Mein persönlicher Link').click()
  await expect(link).toContainText('Halten Sie diesen Link geheim')
  const url = (await link.getByRole('link').getAttribute('href'))!
  expect(url).toMatch(/\/manage\/[\w-]{43}$/)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await link.getByRole('button', { name: 'Link kopieren' }).click()
  await expect(link.getByRole('status')).toHaveText('Link kopiert.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url)
  const requestToken = url.split('/').pop()!
  const requestId = ((await (await page.request.get(`/api/v1/manage/${requestToken}`)).json()) as { id: string }).id

  // The phone forgets the entry; the coordination office proposes a partner meanwhile.
  await signup.getByRole('button', { name: 'Von diesem Handy löschen' }).click()
  await signup.getByRole('button', { name: 'Ja, von diesem Handy löschen' }).click()
  await expect(page.getByTestId('signup')).toHaveCount(0)
  const offer = await page.request.post('/api/v1/tandems', {
    headers: { 'idempotency-key': randomUUID() },
    data: { role: 'offer', kind: 'language', name: `Maria ${suffix} (Beispiel)`, email: `maria-${suffix}@example.org`, district: 'stendal', languages: [{ code: 'de', level: 'native' }], consents: { store: consent, share: consent } },
  })
  const admin = await playwright.request.newContext({ baseURL: baseURL! })
  expect((await admin.post('/api/v1/coordination/login', { data: { email: 'admin@example.org', password: E2E_PASSWORD } })).status()).toBe(200)
  expect((await admin.post('/api/v1/coordination/tandems/matches', { data: { offerId: ((await offer.json()) as { id: string }).id, requestId } })).status()).toBe(201)
  await admin.dispose()

  // Another device, English browser, no language chosen: the page opens at once, in German (the entry's).
  const other = await browser.newContext({ locale: 'en-US' })
  const device = await other.newPage()
  // "Ready to work offline" may cover the buttons at the bottom; a person closes it.
  await closeNoticesInTheWay(device)
  await device.goto(url)
  await expect(device.getByRole('heading', { level: 1, name: 'Ihr Eintrag' })).toBeVisible()
  expect(new URL(device.url()).pathname).toBe(new URL(url).pathname)
  const entry = device.getByTestId('managed-entry')
  await expect(entry.getByRole('heading', { level: 2 })).toHaveText('Anfrage: Sprachtandem')
  await expect(entry).toContainText('Angekommen – die Koordinierungsstelle sucht eine passende Person.')
  await expect(entry).toContainText(name)
  await expect(entry).toContainText('+4915112345678')
  expect(await axeViolations(device)).toEqual([])

  // It answers the proposed match.
  const match = entry.getByTestId('tandem-match')
  await expect(match).toHaveAttribute('data-phase', 'answer')
  await match.getByRole('button', { name: 'Zusagen' }).click()
  await expect(match).toHaveAttribute('data-phase', 'waiting')

  // It offers everything stored as a JSON download.
  const exportLink = entry.getByRole('link', { name: 'Meine Daten herunterladen' })
  await expect(exportLink).toHaveAttribute('download', '')
  const exported = await device.request.get((await exportLink.getAttribute('href'))!)
  expect(exported.headers()['content-disposition']).toMatch(/^attachment; filename="willkommen-tandem-/)
  expect(((await exported.json()) as { personal: { name: string } }).personal.name).toBe(name)

  // The language switch is there; then it withdraws, which deletes what was given.
  await device.getByLabel('Sprache').selectOption('en')
  await expect(device.getByRole('heading', { level: 1, name: 'Your entry' })).toBeVisible()
  await entry.getByRole('button', { name: 'Withdraw and delete my data' }).click()
  await entry.getByRole('button', { name: 'Yes, withdraw and delete' }).click()
  await expect(entry).toContainText('Withdrawn – your data has been deleted.')
  await expect(entry).not.toContainText(name)
  expect(((await (await device.request.get(`/api/v1/manage/${requestToken}`)).json()) as { status: string }).status).toBe('cancelled')
  await other.close()
})

test('the manage page says plainly that it needs a connection, and opens in Arabic right to left for an Arabic entry', async ({ browser, request }) => {
  const tandem = await request.post('/api/v1/tandems', {
    headers: { 'idempotency-key': randomUUID() },
    data: { role: 'request', kind: 'sponsorship', name: 'أحمد (Beispiel)', phone: '+4915112345679', district: 'magdeburg', locale: 'ar', consents: { store: consent } },
  })
  const { manageToken } = (await tandem.json()) as { manageToken: string }

  const fresh = await browser.newContext({ locale: 'de-DE' })
  const page = await fresh.newPage()
  // The connection drops before the page can read the entry.
  await page.route('**/api/v1/manage/**', (route) => route.abort('internetdisconnected'))
  await page.goto(`/manage/${manageToken}`)
  await expect(page.getByTestId('manage-problem')).toContainText('Keine Internetverbindung. Diese Seite liest Ihren Eintrag beim Server')
  await page.unroute('**/api/v1/manage/**')
  await page.getByRole('button', { name: 'Erneut versuchen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'تسجيلك' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByTestId('managed-entry')).toContainText('أحمد (Beispiel)')
  expect(await axeViolations(page)).toEqual([])
  await fresh.close()
})
