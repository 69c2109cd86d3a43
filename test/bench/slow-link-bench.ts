/**
 * Slow-link benchmark — prints figures, asserts nothing.
 * A newcomer's first visit on a weak rural link (250 kbit/s down and up, 300 ms round trip), in a fresh
 * Chromium profile, choosing Arabic as soon as the picker shows and then opening the guide's first phase:
 *   (a) time until the language picker is visible,
 *   (b) until the meetups show in Arabic,
 *   (c) until the first guide step shows,
 *   (d) until the app is ready for offline use — the service worker active and every script, style and
 *       page the visit loaded in its cache — and the bytes downloaded until then (app and API content apart).
 * Times count from the start of the navigation to the site.
 * Method: the browser opens the site through a throttling TCP relay (test/bench/throttle-relay.ts) in
 * front of the real server, so every byte crosses the slow link: the page, its scripts, the sync worker
 * and the service worker's own precache downloads (CDP network throttling would not slow the service
 * worker). After the run, the phone goes offline and reloads: the bench prints whether Arabic still works.
 * Run: npm run bench:slow-link   (builds dist/ first; BENCH_WEB_ROOT=<folder> node test/bench/slow-link-bench.ts
 * measures another build; BENCH_RUNS=3 by default, BENCH_PORT=4182, BENCH_KBITS and BENCH_RTT_MS change the link;
 * BENCH_TRACE=1 prints every request of a run: when it left, when its answer had arrived, its size)
 */
import { loadavg } from 'node:os'
import { chromium, type Page } from '@playwright/test'
import { chromiumPath, startServer } from './bench-server.ts'
import { startThrottleRelay, type RelayedRequest } from './throttle-relay.ts'

const PORT = Number(process.env.BENCH_PORT ?? 4182)
const WEB_ROOT = process.env.BENCH_WEB_ROOT ?? new URL('../../dist', import.meta.url).pathname
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
// BENCH_KBITS=100000 BENCH_RTT_MS=0 gives the same visit with the link out of the way: what the machine alone costs.
const LINK = { kbits: Number(process.env.BENCH_KBITS ?? 250), rttMs: Number(process.env.BENCH_RTT_MS ?? 300) }
const ARABIC = 'العربية'
const TRACE = process.env.BENCH_TRACE === '1'

interface Figures {
  picker: number
  meetups: number
  guideStep: number
  offlineReady: number
  offlineBytes: number
  /** Of those, answers of the API (the content the phone syncs); the rest is the app itself. */
  offlineApiBytes: number
  offlineReload: boolean
}

/**
 * True once the service worker is active and has the page shell and every asset this visit loaded, except
 * the texts of a language the person did not choose: on a fast link the app starts before the tap and loads
 * the phone's language (English here), which the phone then does not keep (only Arabic and German).
 */
function offlineReady(): Promise<boolean> {
  return (async () => {
    const otherLanguage = /^\/assets\/(?!ar-|de-[\w-]{8}\.js$)[a-z]{2,3}(-x)?(-[a-z]+)?-[\w-]{8}\.js$/
    const registration = await navigator.serviceWorker.getRegistration()
    if (!registration?.active) return false
    const loaded = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
      .map((u) => u.pathname)
      .filter((path) => !otherLanguage.test(path))
    const cached = new Set<string>()
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) cached.add(new URL(request.url).pathname)
    return cached.has('/index.html') && loaded.every((path) => cached.has(path))
  })()
}

/**
 * Waits until an element matching `selector` is on screen, checking at every frame: Playwright's own waits
 * look again only every 500 ms after the first few tries, which added up to half a second to each figure
 * (until 2026-11-30 the bench measured that way).
 */
async function shows(page: Page, selector: string, timeout: number): Promise<void> {
  await page.waitForFunction(
    (css) => Array.from(document.querySelectorAll(css)).some((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'),
    selector,
    { polling: 'raf', timeout },
  )
}

async function oneVisit(serverPort: number): Promise<Figures> {
  const relay = await startThrottleRelay(serverPort, LINK)
  const base = `http://127.0.0.1:${relay.port}`
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.6, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    const consoleLines: string[] = [] // printed when a run gets stuck
    page.on('console', (m) => consoleLines.push(`console.${m.type()}: ${m.text()}`))
    page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`))
    const t0 = performance.now()
    const since = () => performance.now() - t0

    // (d) is watched from the start, across the full-page navigations a plain link may cause.
    let ready: { at: number; bytes: number; apiBytes: number } | undefined
    const watcher = (async () => {
      while (!ready && browser.isConnected()) {
        const ok = await page.evaluate(offlineReady).catch(() => false)
        if (ok) ready = { at: since(), bytes: relay.downBytes(), apiBytes: relay.apiDownBytes() }
        else await new Promise((r) => setTimeout(r, 250))
      }
    })()

    await page.goto(`${base}/`, { waitUntil: 'commit' })
    const arabic = page.getByRole('link', { name: ARABIC }).or(page.getByRole('button', { name: ARABIC })).first()
    await shows(page, `a[hreflang="ar"], button[lang="ar"]`, 120_000)
    const picker = since()
    await arabic.click()
    await shows(page, 'html[lang="ar"] [data-testid="meetup"]', Number(process.env.BENCH_STUCK_MS ?? 120_000)).catch(async (error: unknown) => {
      console.log(`no meetups at ${page.url()}\n${consoleLines.join('\n')}`)
      printTrace(relay.requests(), t0, { picker })
      throw error
    })
    const meetups = since()

    await page.getByRole('navigation').getByRole('link', { name: 'الدليل' }).click()
    await page
      .getByTestId('phase-planning')
      .getByRole('link')
      .first()
      .click({ timeout: 120_000 })
      .catch(async (error: unknown) => {
        const headings = await page.getByRole('heading').allTextContents()
        console.log(`stuck at ${page.url()}, headings: ${headings.slice(0, 3).join(' | ')}; screenshot /tmp/slow-link-stuck.png`)
        console.log(consoleLines.join('\n'))
        printTrace(relay.requests(), t0, { picker, meetups })
        await page.screenshot({ path: '/tmp/slow-link-stuck.png' })
        throw error
      })
    await shows(page, '[data-testid="guide-step"]', 120_000)
    const guideStep = since()

    await Promise.race([watcher, new Promise((r) => setTimeout(r, 300_000))])
    if (!ready) throw new Error('not ready for offline use after 5 minutes')

    await context.setOffline(true)
    await page.goto(`${base}/meetups`)
    const offlineReload = await page
      .getByRole('heading', { level: 1, name: 'لقاءات قريبة منك' })
      .waitFor({ timeout: 15_000 })
      .then(async () => (await page.getByTestId('meetup').first().waitFor({ timeout: 15_000 }), true)) // the list renders just after the heading
      .catch(() => false)
    if (TRACE) printTrace(relay.requests(), t0, { picker, meetups, guideStep, offlineReady: ready.at })
    return { picker, meetups, guideStep, offlineReady: ready.at, offlineBytes: ready.bytes, offlineApiBytes: ready.apiBytes, offlineReload }
  } finally {
    await browser.close()
    await relay.close()
  }
}

// Hundredths: the goals are met or missed by less than a tenth now, and a run varies by a few hundredths.
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** The run's requests in the order they left, with the moments measured between them. */
function printTrace(requests: RelayedRequest[], t0: number, marks: Record<string, number>): void {
  const rows = [
    ...requests.map((r) => ({ at: r.at - t0, line: `${s(r.at - t0).padStart(7)} → ${s(r.doneAt - t0).padStart(7)} ${kb(r.bytes).padStart(7)}  ${r.path.slice(0, 110)}` })),
    ...Object.entries(marks).map(([name, at]) => ({ at, line: `${s(at).padStart(7)}   ---- ${name}` })),
  ]
  for (const row of rows.sort((a, b) => a.at - b.at)) console.log(row.line)
}

function print(label: string, f: Figures): void {
  console.log(
    `${label.padEnd(7)} picker ${s(f.picker).padStart(6)}   meetups in Arabic ${s(f.meetups).padStart(6)}   first guide step ${s(f.guideStep).padStart(6)}` +
      `   offline-ready ${s(f.offlineReady).padStart(6)} after ${kb(f.offlineBytes).padStart(7)} (app ${kb(f.offlineBytes - f.offlineApiBytes)}, content ${kb(f.offlineApiBytes)})   offline reload in Arabic: ${f.offlineReload ? 'works' : 'FAILS'}` +
      `   (machine load ${loadavg()[0]!.toFixed(1)})`,
  )
}

export async function main(): Promise<void> {
  console.log(`slow link: ${LINK.kbits} kbit/s each way, ${LINK.rttMs} ms round trip (throttling TCP relay); build ${WEB_ROOT}`)
  const server = await startServer(PORT, { WEB_ROOT, DATA_DIR: 'memory://', DEMO_DATA: 'true' })
  try {
    const runs: Figures[] = []
    for (let i = 0; i < RUNS; i++) {
      runs.push(await oneVisit(PORT))
      print(`run ${i + 1}`, runs.at(-1)!)
    }
    const keys = ['picker', 'meetups', 'guideStep', 'offlineReady', 'offlineBytes', 'offlineApiBytes'] as const
    const med = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as Omit<Figures, 'offlineReload'>
    print('median', { ...med, offlineReload: runs.every((r) => r.offlineReload) })
  } finally {
    await server.stop()
  }
}

await main()
