import { randomUUID } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { chooseLanguage, loginAsCoordinator, requestTandemOnPhone } from './helpers.ts'
import { E2E_PASSWORD } from './e2e-accounts.ts'

const consent = { textVersion: '2026-11', givenAt: '2026-11-20T10:00:00.000Z' }

/** A tandem entry sent the way a phone sends it (public POST with an Idempotency-Key). */
async function submitTandem(request: APIRequestContext, body: Record<string, unknown>): Promise<{ id: string; manageToken: string }> {
  const res = await request.post('/api/v1/tandems', {
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    data: JSON.stringify({ consents: { store: consent, share: consent }, ...body }),
  })
  expect(res.status(), await res.text()).toBe(201)
  return (await res.json()) as { id: string; manageToken: string }
}

const axeViolations = async (page: import('@playwright/test').Page) => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)

test('the Stendal coordinator proposes a pair from the ranked suggestions and sees it proposed', async ({ page }) => {
  const suffix = randomUUID().slice(0, 6)
  const requestName = `Olena ${suffix} (Beispiel)`
  const offerName = `Erika ${suffix} (Beispiel)`
  const weakName = `Paul ${suffix} (Beispiel)`
  const request = await submitTandem(page.request, {
    role: 'request',
    kind: 'language',
    name: requestName,
    phone: '+4915112345678',
    district: 'stendal',
    languages: [{ code: 'uk', level: 'native' }],
    availability: ['tue-evening', 'sat-morning'],
  })
  await submitTandem(page.request, {
    role: 'offer',
    kind: 'language',
    name: weakName,
    email: `paul-${suffix}@example.org`,
    district: 'stendal',
    languages: [{ code: 'de', level: 'basic' }],
  })
  await submitTandem(page.request, {
    role: 'offer',
    kind: 'language',
    name: offerName,
    email: `erika-${suffix}@example.org`,
    district: 'stendal',
    town: 'Stendal',
    languages: [
      { code: 'de', level: 'native' },
      { code: 'uk', level: 'basic' },
    ],
    availability: ['tue-evening'],
  })

  await loginAsCoordinator(page, 'stendal@example.org')
  await page.getByRole('navigation', { name: 'Bereiche der Koordination' }).getByRole('link', { name: 'Tandems' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tandems' })).toBeVisible()
  const requestCard = page.getByTestId('tandem-request').filter({ hasText: requestName })
  await expect(requestCard).toContainText('Ukrainisch (Muttersprache)')
  await expect(page.getByTestId('tandem-offer').filter({ hasText: offerName })).toBeVisible()

  await requestCard.getByRole('button', { name: 'Passende Angebote zeigen' }).click()
  const suggestions = page.getByTestId('tandem-suggestions')
  await expect(suggestions.getByRole('heading', { name: `Vorschläge für ${requestName}` })).toBeFocused()
  const best = suggestions.getByTestId('tandem-suggestion').filter({ hasText: offerName })
  await expect(best).toContainText('Spricht Deutsch (Muttersprache)')
  await expect(best).toContainText('Lernt Ukrainisch')
  await expect(best).toContainText('Gemeinsame Zeiten: 1')
  // The native speaker ranks above the one with basic German.
  const names = await suggestions.getByTestId('tandem-suggestion').locator('h3').allTextContents()
  expect(names.indexOf(offerName)).toBeGreaterThanOrEqual(0)
  expect(names.indexOf(offerName)).toBeLessThan(names.indexOf(weakName))
  expect(await axeViolations(page)).toEqual([])

  await best.getByRole('button', { name: `${offerName} und ${requestName} als Paar vorschlagen` }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Vorgeschlagen:' })).toContainText(requestName)
  const row = page.getByTestId('tandem-match-row').filter({ hasText: requestName })
  await expect(row.getByTestId('match-state')).toHaveText('vorgeschlagen')
  await expect(row).toContainText(offerName)
  await expect(row).toContainText('noch keine Antwort')
  // Both left the open lists.
  await expect(page.getByTestId('tandem-request').filter({ hasText: requestName })).toHaveCount(0)
  await expect(page.getByTestId('tandem-offer').filter({ hasText: offerName })).toHaveCount(0)
  expect(await axeViolations(page)).toEqual([])

  // The newcomer's link shows the proposal, without the volunteer's name or contact.
  const shown = await page.request.get(`/api/v1/manage/${request.manageToken}`)
  expect((await shown.json()).match).toMatchObject({ status: 'proposed', side: 'request', contact: null })
  expect(await shown.text()).not.toContain(offerName)

  // Withdrawing asks first.
  await row.getByRole('button', { name: 'Vorschlag zurücknehmen' }).click()
  await expect(row).toContainText('wirklich zurücknehmen?')
  await row.getByRole('button', { name: 'Ja, zurücknehmen' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Der Vorschlag ist zurückgenommen.' })).toBeVisible()
  await expect(page.getByTestId('tandem-request').filter({ hasText: requestName })).toBeVisible()
})

test('on the phone, a proposed match is answered under "My sign-ups" (online only) and then shows the partner', async ({ page, context, playwright, baseURL }) => {
  const suffix = randomUUID().slice(0, 6)
  const requestName = `Oksana ${suffix} (Beispiel)`
  const offerName = `Maria ${suffix} (Beispiel)`

  // The newcomer asks for a tandem from the phone.
  await chooseLanguage(page, 'Deutsch')
  const signup = await requestTandemOnPhone(page, requestName)
  const href = await signup.getByTestId('export').getAttribute('href')
  const requestToken = /\/api\/v1\/manage\/([\w-]+)/.exec(href!)![1]!
  const requestId = ((await (await page.request.get(`/api/v1/manage/${requestToken}`)).json()) as { id: string }).id

  // A volunteer offers one; the admin proposes the pair.
  const offer = await submitTandem(page.request, {
    role: 'offer',
    kind: 'language',
    name: offerName,
    email: `maria-${suffix}@example.org`,
    district: 'stendal',
    languages: [{ code: 'de', level: 'native' }],
  })
  const admin = await playwright.request.newContext({ baseURL: baseURL! })
  expect((await admin.post('/api/v1/coordination/login', { data: { email: 'admin@example.org', password: E2E_PASSWORD } })).status()).toBe(200)
  expect((await admin.post('/api/v1/coordination/tandems/matches', { data: { offerId: offer.id, requestId } })).status()).toBe(201)

  await page.reload()
  const match = signup.getByTestId('tandem-match')
  await expect(match).toHaveAttribute('data-phase', 'answer')
  await expect(match).toContainText('Die Koordinierungsstelle schlägt Ihnen eine Tandem-Person vor.')
  await expect(match).toContainText('Deutsch (Muttersprache)')
  await expect(match).not.toContainText(offerName)

  // Without a connection the answer cannot be given, and the phone says so.
  await context.setOffline(true)
  await match.getByRole('button', { name: 'Zusagen' }).click()
  await expect(match.getByRole('alert')).toContainText('Keine Internetverbindung.')
  await context.setOffline(false)
  await match.getByRole('button', { name: 'Zusagen' }).click()
  await expect(match).toHaveAttribute('data-phase', 'waiting')
  await expect(match).toContainText('Sie haben zugesagt.')

  // The volunteer accepts through their own link; the phone shows the partner once it asks again.
  const accepted = await page.request.post(`/api/v1/manage/${offer.manageToken}/match`, { data: { answer: 'accept' } })
  expect(accepted.status()).toBe(200)
  await page.reload()
  await expect(match).toHaveAttribute('data-phase', 'active')
  const contact = match.getByTestId('partner-contact')
  await expect(contact).toContainText(offerName)
  await expect(contact.getByRole('link', { name: `maria-${suffix}@example.org` })).toHaveAttribute('href', `mailto:maria-${suffix}@example.org`)
  expect(await axeViolations(page)).toEqual([])
  await admin.dispose()
})

test('no axe violations on the tandems view in Arabic, right to left, 360 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 })
  const suffix = randomUUID().slice(0, 6)
  await submitTandem(page.request, { role: 'request', kind: 'sponsorship', name: `Ahmad ${suffix} (Beispiel)`, phone: '+4915112345670', district: 'stendal', languages: [{ code: 'ar', level: 'native' }] })
  await submitTandem(page.request, { role: 'offer', kind: 'sponsorship', name: `Karin ${suffix} (Beispiel)`, email: `karin-${suffix}@example.org`, district: 'stendal', languages: [{ code: 'de', level: 'native' }, { code: 'ar', level: 'basic' }] })
  // The session cookie is shared by the page and its request context.
  expect((await page.request.post('/api/v1/coordination/login', { data: { email: 'stendal@example.org', password: E2E_PASSWORD } })).status()).toBe(200)
  await chooseLanguage(page, 'العربية')
  await page.goto('/coordination/tandems')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await page.getByTestId('tandem-request').filter({ hasText: `Ahmad ${suffix}` }).getByRole('button', { name: 'عرض العروض المناسبة' }).click()
  await expect(page.getByTestId('tandem-suggestion').filter({ hasText: `Karin ${suffix}` })).toContainText('لغة مشتركة')
  expect(await axeViolations(page)).toEqual([])
  // Nothing sticks out sideways on a small phone (wide tables scroll inside their own region).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
})
