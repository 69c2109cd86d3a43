/**
 * Meetups benchmark — prints figures, asserts nothing.
 *   (a) With 2,000 meetup dates in IndexedDB: time from opening /meetups to the first screen of
 *       results in Chromium (median of several runs).
 *   (b) Sync payload (gzip) for one district's next six months.
 * Run: npm run bench:meetups   (builds dist/ first; BENCH_WEB_ROOT=<folder> node test/bench/meetups-bench.ts uses another build)
 */
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { openDatabase } from '../../server/db/database.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { insertSampleMeetups } from '../../server/meetups/sample-meetups.ts'
import { saveSeries } from '../../server/meetups/series.repository.ts'
import { readDelta } from '../../server/sync/sync.routes.ts'
import { readAll } from '../../server/sync/sync-scope.ts'
import { DISTRICT_SLUGS } from '../../src/shared/districts.ts'
import type { Meetup, MeetupOccurrence } from '../../src/shared/meetups/meetup.schema.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'
import { chromiumPath, startServer } from './bench-server.ts'

const PORT = Number(process.env.BENCH_PORT ?? 4175)
const WEB_ROOT = process.env.BENCH_WEB_ROOT ?? new URL('../../dist', import.meta.url).pathname
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const TARGET = 2000
const BASE = `http://127.0.0.1:${PORT}`

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

async function benchFirstScreen(): Promise<void> {
  const server = await startServer(PORT, { WEB_ROOT, DATA_DIR: 'memory://', DEMO_DATA: 'true' })
  try {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] })
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.6, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    // Time from navigation start until the first meetup card is in the DOM.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="meetup"]')) {
          ;(window as unknown as { firstResults: number }).firstResults = performance.now()
          observer.disconnect()
        }
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto(`${BASE}/`)
    await page.getByRole('button', { name: 'Deutsch' }).click()
    await page.getByTestId('meetup').first().waitFor()
    await page.evaluate(() => navigator.serviceWorker.ready)

    const stored = await page.evaluate(seedIndexedDb, TARGET)
    console.log(`(a) IndexedDB holds ${stored} meetup dates (${TARGET} asked; samples from the sync plus generated ones)`)

    const times: number[] = []
    for (let i = 0; i < RUNS + 1; i++) {
      await page.goto(`${BASE}/meetups`)
      await page.getByTestId('meetup').first().waitFor()
      const t = await page.evaluate(() => (window as unknown as { firstResults: number }).firstResults)
      if (i > 0) times.push(t) // the first run warms the HTTP cache and service worker
    }
    const cards = await page.getByTestId('meetup').count()
    console.log(`    opening /meetups → first screen of results: median ${median(times).toFixed(0)} ms ` +
      `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${RUNS} runs; ${cards} cards rendered)`)
    await browser.close()
  } finally {
    await server.stop()
  }
}

/** Runs in the page: fills the app's IndexedDB up to `target` upcoming dates across all districts. */
async function seedIndexedDb(target: number): Promise<number> {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('willkommen')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
  const db = await open()
  const count = await new Promise<number>((resolve) => {
    const req = db.transaction('meetupOccurrences').objectStore('meetupOccurrences').count()
    req.onsuccess = () => resolve(req.result)
  })
  const missing = target - count
  const districts = ['stendal', 'harz', 'magdeburg', 'halle', 'boerde', 'saalekreis', 'wittenberg', 'salzlandkreis']
  const kinds = ['welcome-table', 'language-cafe', 'network-meeting', 'info-event']
  const perSeries = 50
  const tx = db.transaction(['meetups', 'meetupOccurrences'], 'readwrite')
  const start = Date.now()
  for (let s = 0; s * perSeries < missing; s++) {
    const id = `00000000-0000-4000-8000-${String(s).padStart(12, '0')}`
    const district = districts[s % districts.length]!
    const kind = kinds[s % kinds.length]!
    tx.objectStore('meetups').put({
      id, kind, district, title: { de: `Bench-Treffen ${s}`, en: `Bench meetup ${s}` }, description: { de: 'Generiert für den Benchmark.' },
      placeName: 'Gemeindehaus (Beispiel)', address: 'Beispielstraße 1', latitude: null, longitude: null, accessibility: null,
      organiser: 'Benchmark', languages: ['de', 'en'], audience: ['newcomers'], cost: null, registrationRequired: false, capacity: null,
      startsLocal: '2026-01-01T17:00', durationMinutes: 90, rrule: 'FREQ=WEEKLY', exceptions: [], revision: 0, isSample: true,
    })
    for (let i = 0; i < perSeries && s * perSeries + i < missing; i++) {
      const startsAt = new Date(start + (i * 7 + (s % 7)) * 86400000 + 3600000)
      tx.objectStore('meetupOccurrences').put({
        id: `${id}:${i}`, meetupId: id, originalStart: String(i), startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 5400000).toISOString(), status: i % 13 === 5 ? 'cancelled' : 'scheduled', district, kind,
      })
    }
  }
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve
    tx.onerror = () => reject(tx.error)
  })
  const total = await new Promise<number>((resolve) => {
    const req = db.transaction('meetupOccurrences').objectStore('meetupOccurrences').count()
    req.onsuccess = () => resolve(req.result)
  })
  db.close()
  return total
}

function districtPayload(delta: SyncResponse, district: string, now: Date): { json: string; series: number; dates: number } {
  const until = new Date(now.getTime() + 183 * 86400000).toISOString()
  const dates = delta.changes.meetupOccurrences.filter((o: MeetupOccurrence) => o.district === district && o.startsAt <= until)
  const ids = new Set(dates.map((o) => o.meetupId))
  const series = delta.changes.meetups.filter((m: Meetup) => ids.has(m.id))
  const json = JSON.stringify({ cursor: delta.cursor, changes: { meetups: series, meetupOccurrences: dates }, deleted: {} })
  return { json, series: series.length, dates: dates.length }
}

async function benchPayload(): Promise<void> {
  const now = new Date()
  const { db } = openDatabase({ dataDir: 'memory://' })
  await migrateToLatest(db)
  await insertSampleMeetups(db, now)
  let delta = await readDelta(db, readAll(0), now)
  const report = (label: string, p: { json: string; series: number; dates: number }) =>
    console.log(`    ${label}: ${p.series} meetups, ${p.dates} dates — ${kb(Buffer.byteLength(p.json))} JSON, ${kb(gzipSync(p.json).length)} gzip`)
  console.log('(b) sync payload for one district, next six months (meetups + dates):')
  report('Stendal, sample data', districtPayload(delta, 'stendal', now))

  // A busier district: ten weekly series (every district gets them, so the full sync grows too).
  const base = (await db.selectFrom('meetups').selectAll().where('district', '=', 'stendal').executeTakeFirstOrThrow())
  await db.transaction().execute(async (trx) => {
    for (const district of DISTRICT_SLUGS) {
      for (let i = 0; i < 10; i++) {
        const n = DISTRICT_SLUGS.indexOf(district) * 10 + i
        await saveSeries(trx, {
          id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, kind: i % 2 ? 'language-cafe' : 'welcome-table',
          title: { de: `Treffen ${n}`, en: `Meetup ${n}`, uk: `Зустріч ${n}`, ar: `لقاء ${n}` },
          description: { de: 'Beschreibung eines Treffens mit etwas Text. '.repeat(4), en: 'Description of a meetup with some text. '.repeat(4) },
          district, placeName: 'Gemeindehaus (Beispiel)', address: base.address, latitude: 52.6, longitude: 11.86, accessibility: null,
          organiser: 'Beispielverein', languages: ['de', 'en'], audience: ['newcomers'], cost: null, registrationRequired: false, capacity: null,
          startsLocal: base.starts_local, durationMinutes: 90, rrule: 'FREQ=WEEKLY', exceptions: [], isSample: true,
        }, now)
      }
    }
  })
  delta = await readDelta(db, readAll(0), now)
  report('Stendal, 10 more weekly series', districtPayload(delta, 'stendal', now))
  const all = JSON.stringify(delta)
  console.log(`    whole first sync (all entities, ${delta.changes.meetupOccurrences.length} dates statewide, 12-month horizon): ${kb(Buffer.byteLength(all))} JSON, ${kb(gzipSync(all).length)} gzip`)
  await db.destroy()
}

await benchFirstScreen()
await benchPayload()
