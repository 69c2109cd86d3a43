import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test'
import { E2E_PASSWORD } from './e2e-accounts.ts'
import { chooseLanguage, storedRows, waitForServiceWorker } from './helpers.ts'

// A double tap on "send" on a slow phone (CPU throttled 10×), online and offline: the form is taken once
// (one outbox entry, one row on the server), and the second tap never withdraws what the first one sent.

interface OutboxRow {
  clientId: string
  kind: string
  state: string
  response: { status: string } | null
}

async function slowPhone(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 })
}


async function coordinator(request: APIRequestContext): Promise<void> {
  const login = await request.post('/api/v1/coordination/login', { data: { email: 'admin@example.org', password: E2E_PASSWORD } })
  expect(login.status()).toBe(200)
}

const unique = () => Math.random().toString(36).slice(2, 8)

interface Case {
  form: string
  path: string
  fill: (page: Page, name: string) => Promise<void>
  submit: string
  card: string
  /** Rows on the server with this name (any state but withdrawn). */
  serverRows: (request: APIRequestContext, name: string, page: Page) => Promise<number>
}

const cases: Case[] = [
  {
    form: 'registration',
    path: '/volunteering/register',
    fill: async (page, name) => {
      const select = page.getByLabel('Termin')
      await expect(select.locator('option', { hasText: 'Landesweites Netzwerktreffen' }).first()).toBeAttached()
      const labels = await select.locator('option').allTextContents()
      await select.selectOption({ index: labels.findIndex((l) => l.includes('Landesweites Netzwerktreffen')) })
      await page.getByLabel('Name').fill(name)
      await page.getByLabel('E-Mail-Adresse').fill(`${name.replace(/\W/g, '').toLowerCase()}@example.org`)
      await page.getByRole('radio', { name: 'Sprache', exact: true }).check()
      await page.getByRole('checkbox', { name: /um das Treffen zu organisieren/ }).check()
    },
    submit: 'Anmeldung speichern und senden',
    card: 'signup',
    serverRows: async (request, name, page) => {
      const rows = await storedRows<{ payload: { occurrenceId?: string } }>(page, 'outbox')
      const occurrenceId = rows.find((r) => r.payload.occurrenceId)!.payload.occurrenceId!
      const list = (await (await request.get(`/api/v1/coordination/registrations/dates/${encodeURIComponent(occurrenceId)}`)).json()) as {
        registrations: Array<{ name: string | null; status: string }>
      }
      return list.registrations.filter((r) => r.name === name && r.status !== 'cancelled').length
    },
  },
  {
    form: 'tandem offer',
    path: '/volunteering/offer',
    fill: async (page, name) => {
      await page.getByRole('radio', { name: /Sprachtandem/ }).check()
      await page.getByLabel('Name').fill(name)
      await page.getByLabel('E-Mail-Adresse').fill(`${name.replace(/\W/g, '').toLowerCase()}@example.org`)
      await page.getByLabel('Landkreis oder Stadt').selectOption('harz')
      await page.getByRole('checkbox', { name: /um eine passende Tandem-Person zu finden/ }).check()
    },
    submit: 'Angebot speichern und senden',
    card: 'signup',
    serverRows: async (request, name) => {
      const open = (await (await request.get('/api/v1/coordination/tandems?district=harz')).json()) as { offers: Array<{ name: string | null }> }
      return open.offers.filter((o) => o.name === name).length
    },
  },
  {
    form: 'partner declaration',
    path: '/partners/declare',
    fill: async (page, name) => {
      await page.getByRole('radio', { name: /^Eintrag/ }).check()
      await page.getByRole('textbox', { name: /^Organisation/ }).fill(name)
      await page.getByRole('textbox', { name: /^Anschrift/ }).fill('Beispielweg 1, 38820 Halberstadt')
      await page.getByLabel('Landkreis oder Stadt').selectOption('harz')
      await page.getByRole('textbox', { name: /^Funktion der Ansprechperson/ }).fill('Leitung')
      await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(`${name.replace(/\W/g, '').toLowerCase()}@example.org`)
      await page.getByRole('checkbox', { name: /um das Partnerverzeichnis und den Verteiler/ }).check()
    },
    submit: 'Erklärung speichern und senden',
    card: 'partner-request',
    serverRows: async (request, name) => {
      const open = (await (await request.get('/api/v1/coordination/partner-requests?status=open')).json()) as Array<{ details: { organisation?: string } | null }>
      return open.filter((r) => r.details?.organisation === name).length
    },
  },
]

for (const c of cases) {
  for (const network of ['online', 'offline'] as const) {
    test(`a double tap on "send" of the ${c.form} form on a slow ${network} phone sends it once and withdraws nothing`, async ({ page, context, request }) => {
      test.setTimeout(90_000) // a phone ten times slower
      await chooseLanguage(page, 'Deutsch')
      await waitForServiceWorker(page)
      await page.goto(c.path)
      const name = `Doppeltipp ${unique()} (Beispiel)`
      await c.fill(page, name)
      if (network === 'offline') await context.setOffline(true)
      await slowPhone(context, page)

      await page.getByRole('button', { name: c.submit }).dblclick()

      const card = page.getByTestId(c.card)
      await expect(card).toHaveCount(1)
      if (network === 'offline') {
        await expect(card).toHaveAttribute('data-status', 'pending')
        await context.setOffline(false)
      }
      await expect(card).not.toHaveAttribute('data-status', /pending|cancelling|cancelled/)
      const rows = await storedRows<OutboxRow>(page, 'outbox')
      expect(rows.map((r) => r.kind)).toHaveLength(1) // no second entry, no queued withdrawal
      expect(rows[0]!.state).toBe('sent')
      expect(rows[0]!.response?.status).not.toBe('cancelled')

      await coordinator(request)
      expect(await c.serverRows(request, name, page)).toBe(1)
    })
  }
}
