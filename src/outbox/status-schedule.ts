/**
 * When the phone asks the server what became of what it sent. While the app is visible and something
 * waits for a decision by someone else (a waitlist place, a tandem match, a partner declaration), every
 * 20–30 s, so news shows within half a minute; with nothing waiting, every five minutes; never while
 * the app is hidden (becoming visible asks at once).
 */
export const PENDING_CHECK_MS = 20_000
export const CHECK_JITTER_MS = 10_000
export const IDLE_CHECK_MS = 5 * 60_000

export function nextStatusCheck(state: { visible: boolean; pending: boolean }, random: () => number = Math.random): number | null {
  if (!state.visible) return null
  // Jitter spreads a thousand phones opened by the same announcement over ten seconds.
  return state.pending ? PENDING_CHECK_MS + Math.floor(random() * CHECK_JITTER_MS) : IDLE_CHECK_MS
}

export interface StatusPollerDeps {
  /** Asks the server; resolves whether something still waits for a decision. */
  check: () => Promise<boolean>
  visible: () => boolean
  random?: () => number
}

/** Runs `check` on the schedule above; `checkNow` (start, online, visible) asks at once and starts over. */
export function createStatusPoller(deps: StatusPollerDeps): { checkNow: () => Promise<void>; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined

  function schedule(pending: boolean): void {
    clearTimeout(timer)
    const delay = nextStatusCheck({ visible: deps.visible(), pending }, deps.random)
    timer = delay === null ? undefined : setTimeout(() => void checkNow(), delay)
  }

  function checkNow(): Promise<void> {
    running ??= deps
      .check()
      .catch(() => true) // offline or server away: keep asking at the pending pace
      .then(schedule)
      .finally(() => (running = undefined))
    return running
  }

  return { checkNow, stop: () => clearTimeout(timer) }
}
