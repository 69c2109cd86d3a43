import { chromium, type Request } from '@playwright/test'
import { chromiumPath } from './bench-server.ts'

export interface ApplyResult {
  /** The first sync's URL, as the phone asked for it. */
  url: string
  /** Compressed bytes the phone received for it. */
  bytes: number
  /** From the page asking the sync worker until it answered "landed". */
  pullMs: number
  /** From the last byte of the answer until the worker answered: parse and write to IndexedDB. */
  applyMs: number
  /** Long tasks (> 50 ms) on the page while the pull ran, and the longest. */
  longTasks: number
  longestTaskMs: number
  rows: number
}

interface PageProbe {
  pulls: Array<{ asked: number; answered?: number; ok?: boolean }>
  longTasks: Array<{ start: number; duration: number }>
}

/**
 * Runs in the page before the app: notes every long task, and when the page asks the sync worker for
 * a pull and when it answers (epoch milliseconds, comparable with Playwright's request timing).
 */
function probe(): void {
  const state: PageProbe = { pulls: [], longTasks: [] }
  ;(window as unknown as { probe: PageProbe }).probe = state
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: performance.timeOrigin + e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  const Native = window.Worker
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options)
      this.addEventListener('message', (event: MessageEvent<{ ok?: boolean }>) => {
        const open = state.pulls.find((p) => p.answered === undefined)
        if (open) Object.assign(open, { answered: Date.now(), ok: event.data.ok })
      })
    }
    override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
      state.pulls.push({ asked: Date.now() })
      super.postMessage(message, options as StructuredSerializeOptions)
    }
  }
}

/**
 * The phone's first sync in Chromium, through the app's own screens: choose the language (and the
 * district) with the sync blocked, then reload, so the first pull the app makes is for that scope.
 * No CPU throttling: on a real phone multiply by its slowness.
 */
export async function phoneFirstSync(base: string, language: string, district: string | undefined): Promise<ApplyResult> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true })
    await context.addInitScript(probe)
    const page = await context.newPage()
    await context.route((url) => url.pathname === '/api/v1/sync', (route) => route.abort())
    await page.goto('/')
    await page.getByRole('button', { name: language }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/welcome'))
    if (district) {
      await page.goto('/district')
      await page.getByRole('button', { name: district, exact: true }).click()
      await page.getByTestId('district-chosen').waitFor()
    }
    await context.unrouteAll()

    const finished = context.waitForEvent('requestfinished', { predicate: (r) => r.url().includes('/api/v1/sync?since=0'), timeout: 300_000 })
    await page.reload()
    await page.waitForFunction(() => (window as unknown as { probe: PageProbe }).probe.pulls.some((p) => p.ok), undefined, { timeout: 300_000 })
    const first: Request = await finished
    const seen = await page.evaluate(() => (window as unknown as { probe: PageProbe }).probe)
    const pull = seen.pulls.find((p) => p.ok)!
    const timing = first.timing()
    const sizes = await first.sizes()
    const body = (await (await first.response())!.json()) as { changes: Record<string, unknown[]> }
    const during = seen.longTasks.filter((t) => t.start + t.duration >= pull.asked && t.start <= pull.answered!)
    return {
      url: new URL(first.url()).search,
      bytes: sizes.responseBodySize,
      pullMs: pull.answered! - pull.asked,
      applyMs: pull.answered! - (timing.startTime + timing.responseEnd),
      longTasks: during.length,
      longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
      rows: Object.values(body.changes).reduce((n, rows) => n + rows.length, 0),
    }
  } finally {
    await browser.close()
  }
}
