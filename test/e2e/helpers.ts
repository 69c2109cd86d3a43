import type { EditorDetail, MeetupEditorInput } from '../../src/shared/coordination/meetup-editor.schema.ts'
import { E2E_PASSWORD, type E2eCoordinator } from './e2e-accounts.ts'
import { expect, type Locator, type Page } from '@playwright/test'

/** A Berlin calendar day `days` from now, YYYY-MM-DD. */
export function berlinDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + days * 24 * 3600_000))
}

/** First start: pick a language by its own name, land on the start screen. */
export async function chooseLanguage(page: Page, nativeName: string): Promise<void> {
  await page.goto('/')
  await page.getByRole('button', { name: nativeName, exact: true }).click()
  await expect(page.getByTestId('meetup').first()).toBeVisible()
}

/**
 * What the phone holds in some IndexedDB tables, and the database's version, read with the browser's own API rather
 * than the app's code (opening nothing new, upgrading nothing). While an upgrade runs the read waits for it; it
 * gives up after 5 s, so that `expect.poll` asks again.
 */
export async function storedTables(page: Page, tables: string[]): Promise<{ version: number | undefined; rows: Record<string, unknown[]> }> {
  return page.evaluate(async (names) => {
    const version = (await indexedDB.databases()).find((d) => d.name === 'willkommen')?.version
    const open = indexedDB.open('willkommen')
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
      setTimeout(() => reject(new Error('IndexedDB did not open within 5 s (an upgrade waiting?)')), 5_000)
    })
    const read = (name: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = idb.transaction(name).objectStore(name).getAll()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
    const rows: Record<string, unknown[]> = {}
    for (const name of names) rows[name] = await read(name)
    idb.close()
    return { version, rows }
  }, tables)
}

/** The rows of one IndexedDB table on the phone (`storedTables`). */
export async function storedRows<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return (await storedTables(page, [table])).rows[table] as T[]
}

/**
 * Waits until the phone holds `count` bookmarks. A save button shows "saved" at once (Dexie's live queries
 * show a write before it commits): a test that loads another page right after could lose the write with the
 * page, which a person, who does not reload within milliseconds, would not.
 */
export async function expectBookmarksStored(page: Page, count: number): Promise<void> {
  await expect.poll(async () => (await storedRows(page, 'bookmarks')).length).toBe(count)
}

/** Waits until the service worker is active and controls this page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
    }
  })
}

/** Logs in to the coordinator workspace as one of the accounts playwright.config.ts creates. */
export async function loginAsCoordinator(page: Page, email: E2eCoordinator): Promise<void> {
  await page.goto('/coordination/login')
  // A first start asks for the language before anything else.
  const german = page.getByRole('button', { name: 'Deutsch', exact: true })
  const emailField = page.getByLabel('E-Mail-Adresse')
  await expect(german.or(emailField).first()).toBeVisible()
  if (await german.isVisible()) await german.click()
  await emailField.fill(email)
  await page.getByLabel('Passwort').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'Anmelden' }).click()
  await expect(page.getByTestId('coordination-account')).toHaveText(email)
}

type MeetupFields = Pick<MeetupEditorInput, 'kind' | 'title' | 'description' | 'district' | 'placeName' | 'address' | 'organiser' | 'startsLocal'>

/** Creates a meetup through the event editor's API as the logged-in coordinator; returns its answer. */
export async function createMeetupThroughApi(page: Page, fields: MeetupFields & Partial<MeetupEditorInput>): Promise<EditorDetail> {
  const defaults: Omit<MeetupEditorInput, keyof MeetupFields> = {
    accessibility: { de: '' },
    languages: ['de'],
    audience: ['newcomers'],
    free: true,
    cost: { de: '' },
    registrationRequired: false,
    durationMinutes: 60,
    recurrence: { type: 'none' },
  }
  const created = await page.request.post('/api/v1/coordination/meetups', { data: { ...defaults, ...fields } })
  expect(created.status(), await created.text()).toBe(201)
  return (await created.json()) as EditorDetail
}

/** A Stendal network meeting with `capacity` places `days` from now, made through the editor's API by the logged-in coordinator; its first date's id. */
export async function createNetworkMeeting(page: Page, title: string, capacity: number, days: number): Promise<string> {
  const created = await createMeetupThroughApi(page, {
    kind: 'network-meeting',
    title: { de: title },
    description: { de: 'Austausch der Arbeitsgruppen (Beispiel).' },
    district: 'stendal',
    placeName: 'Rathaus Stendal (Beispiel)',
    address: 'Markt 1, 39576 Stendal',
    organiser: 'Koordinierungsstelle (Beispiel)',
    audience: ['partners'],
    registrationRequired: true,
    capacity,
    startsLocal: `${berlinDay(days)}T17:00`,
    durationMinutes: 120,
  })
  return created.dates[0]!.id
}

/** A newcomer asks for a language tandem in Stendal from the phone (German); returns the sign-up card once the server has it. */
export async function requestTandemOnPhone(page: Page, name: string): Promise<Locator> {
  await page.goto('/volunteering/request')
  await page.getByRole('radio', { name: /Sprachtandem/ }).check()
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Telefonnummer').fill('0151 12345678')
  await page.getByLabel('Landkreis oder Stadt').selectOption('stendal')
  await page.getByRole('checkbox', { name: /um eine passende Tandem-Person zu finden/ }).check()
  await page.getByRole('checkbox', { name: /an die passende Tandem-Person weitergegeben/ }).check()
  await page.getByRole('button', { name: 'Anfrage speichern und senden' }).click()
  const signup = page.getByTestId('signup').filter({ hasText: 'Anfrage: Sprachtandem' })
  await expect(signup).toContainText('Angekommen')
  return signup
}

/**
 * Closes the app's notices ("works offline now", "new version") when one is in the way of an action. A notice may
 * also go by itself (after 8 s, or on the next page) while it is being closed: then there is nothing left to do.
 */
export async function closeNoticesInTheWay(page: Page): Promise<void> {
  await page.addLocatorHandler(page.getByTestId('pwa-toast'), async (toast) => {
    await toast.getByRole('button').last().click({ timeout: 2_000 }).catch(() => undefined)
  })
}

/**
 * The meetup cards on the list that name `text`, with "show more" tapped until `count` of them are shown: the
 * list starts with ten cards, and other tests add dates on the same server, so a date may be further down.
 * German phones only (the button's name).
 */
export async function meetupCardsShown(page: Page, text: string, count: number): Promise<Locator> {
  const all = page.getByTestId('meetup')
  const cards = all.filter({ hasText: text })
  const more = page.getByRole('button', { name: 'Weitere Termine zeigen' })
  await expect(all.first()).toBeVisible()
  while ((await cards.count()) < count && (await more.isVisible())) {
    const before = await all.count()
    await more.click()
    await expect(all).not.toHaveCount(before)
  }
  await expect(cards.nth(count - 1)).toBeVisible()
  return cards
}
