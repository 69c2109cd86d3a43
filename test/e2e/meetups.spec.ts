import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import ICAL from 'ical.js'
import { expect, test, type Download } from '@playwright/test'
import { chooseLanguage, waitForServiceWorker } from './helpers.ts'

async function parseDownload(download: Download) {
  const text = await readFile((await download.path())!, 'utf8')
  const cal = new ICAL.Component(ICAL.parse(text))
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz))
  return { text, events: cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) }
}

function berlinTime(date: Date): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(date)
}

test('filters the dates by district and by kind', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  // Other tests create real meetups on the same server; this one looks at the sample data only.
  const cards = page.getByTestId('meetup').filter({ has: page.locator('.sample') })
  const headings = cards.getByRole('heading')

  await page.getByLabel('Landkreis').selectOption('harz')
  await expect(headings.first()).toHaveText('Welcome Table Harz')
  expect(new Set(await headings.allTextContents())).toEqual(new Set(['Welcome Table Harz']))

  await page.getByLabel('Landkreis').selectOption('stendal')
  await expect(headings.first()).not.toHaveText('Welcome Table Harz')
  expect(new Set(await headings.allTextContents())).toEqual(new Set(['Welcome Table Stendal', 'Sprachcafé Stendal']))

  await page.getByLabel('Art').selectOption('language-cafe')
  await expect(cards.filter({ hasText: 'Welcome Table' })).toHaveCount(0)
  expect(new Set(await headings.allTextContents())).toEqual(new Set(['Sprachcafé Stendal']))

  await page.getByLabel('Landkreis').selectOption('harz')
  await expect(page.getByTestId('no-matches')).toBeVisible()
  await expect(page.getByTestId('meetup-day')).toHaveCount(0)
})

test('opens a meetup offline and puts one date and the whole series into a calendar file', async ({ page, context }) => {
  await chooseLanguage(page, 'Deutsch')
  await waitForServiceWorker(page)
  await context.setOffline(true)
  await page.reload()

  await page.getByLabel('Landkreis').selectOption('stendal')
  await page.getByLabel('Art').selectOption('welcome-table')
  // Other tests add welcome tables in Stendal to the same server: take the sample one by its name.
  const card = page.getByTestId('meetup').filter({ hasText: 'Welcome Table Stendal' }).first()
  const shownTime = (await card.locator('time').textContent())!.split('–')[0]!.trim()
  await card.getByRole('link', { name: 'Welcome Table Stendal' }).click()

  const detail = page.getByTestId('meetup-detail')
  await expect(detail.getByRole('heading', { level: 1, name: 'Welcome Table Stendal' })).toBeVisible()
  await expect(detail).toContainText('Gemeindesaal (Beispiel)')
  await expect(detail.getByTestId('osm-link')).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/\?mlat=52\.6055&mlon=11\.8594/)
  await expect(detail.getByTestId('geo-link')).toHaveAttribute('href', 'geo:52.6055,11.8594')
  await expect(detail.getByTestId('qr').locator('svg')).toBeVisible()

  // The detail page itself opens from the cache.
  await page.reload()
  await expect(detail.getByRole('heading', { level: 1 })).toHaveText('Welcome Table Stendal')

  const [one] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('add-date').click()])
  expect(one.suggestedFilename()).toMatch(/^welcome-table-stendal-\d{4}-\d{2}-\d{2}\.ics$/)
  const date = await parseDownload(one)
  expect(date.text).toContain('\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n')
  expect(date.events).toHaveLength(1)
  expect(date.events[0]!.summary).toBe('Welcome Table Stendal')
  expect(date.events[0]!.startDate.zone.tzid).toBe('Europe/Berlin')
  expect(berlinTime(date.events[0]!.startDate.toJSDate())).toBe(shownTime)
  expect(date.events[0]!.uid).toMatch(/^[0-9a-f-]{36}:\d{8}T1700@willkommen\.example\.org$/)

  const [series] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('add-series').click()])
  const whole = await parseDownload(series)
  const master = whole.events[0]!
  expect(master.isRecurring()).toBe(true)
  const it = master.iterator()
  const times = new Set<string>()
  for (let i = 0, next = it.next(); next && i < 30; i++, next = it.next()) times.add(berlinTime(next.toJSDate()))
  // Every date of the series is at 17:00 German time, summer or winter.
  expect([...times]).toEqual(['17:00'])
})

test('prints a poster in German and a second language', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  await page.getByTestId('meetup').first().getByRole('link').click()
  await page.getByRole('link', { name: 'Aushang drucken' }).click()
  const poster = page.getByTestId('poster')
  await expect(poster.locator('[lang="de"]')).toBeVisible()
  await page.getByLabel('Zweite Sprache').selectOption('ar')
  await expect(poster.locator('section[lang="ar"]')).toHaveAttribute('dir', 'rtl')
  await expect(poster.getByTestId('qr').locator('svg')).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByLabel('Zweite Sprache')).toBeHidden()
  await expect(page.getByRole('navigation')).toBeHidden()
})

for (const nativeName of ['Deutsch', 'العربية']) {
  test(`no axe violations on a meetup's detail and poster in ${nativeName}`, async ({ page }) => {
    await chooseLanguage(page, nativeName)
    await page.getByTestId('meetup').first().getByRole('link').click()
    await expect(page.getByTestId('meetup-detail')).toBeVisible()
    let results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
    await page.goto(`${page.url()}/poster`)
    await expect(page.getByTestId('poster')).toBeVisible()
    results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
  })
}

test('shares the link of a date, or copies it where the phone cannot share', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await chooseLanguage(page, 'Deutsch')
  await page.getByTestId('meetup').first().getByRole('link').click()
  await expect(page.getByTestId('meetup-detail')).toBeVisible()
  const canShare = await page.evaluate(() => typeof navigator.share === 'function')
  test.skip(canShare, 'this Chromium has the Web Share API; the copy fallback is not reachable')
  await page.getByRole('button', { name: 'Teilen' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Link kopiert.' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url())
})
