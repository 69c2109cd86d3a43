import type { EditorDetail, MeetupEditorInput } from '../../src/shared/coordination/meetup-editor.schema.ts'
import { E2E_PASSWORD, type E2eCoordinator } from './e2e-accounts.ts'
import { expect, type Page } from '@playwright/test'

/** A Berlin calendar day `days` from now, YYYY-MM-DD. */
export function berlinDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + days * 24 * 3600_000))
}

/** First start: pick a language by its own name, land on the start screen. */
export async function chooseLanguage(page: Page, nativeName: string): Promise<void> {
  await page.goto('/')
  await page.getByRole('button', { name: nativeName }).click()
  await expect(page.getByTestId('meetup').first()).toBeVisible()
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
  const german = page.getByRole('button', { name: 'Deutsch' })
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
