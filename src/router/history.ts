/** Where the page was scrolled when the person left an entry, to return there with back and forward. */
export interface ScrollPosition {
  left: number
  top: number
}

/** What each history entry keeps (read by views too: `history.state.back` says there is a page to go back to). */
export interface HistoryState {
  back: string | null
  current: string
  forward: string | null
  position: number
  scroll: ScrollPosition | null
}

/** The address history the router writes to: the browser's, or one in memory for tests. */
export interface RouterHistory {
  /** The current address (path, query and hash). */
  location: () => string
  state: () => HistoryState | null
  push: (address: string) => void
  replace: (address: string) => void
  go: (delta: number) => void
  /** Called with the new address when the person goes back or forward; returns a function that stops listening. */
  listen: (onPop: (address: string, state: HistoryState | null) => void) => () => void
}

/** The browser's history; the router restores the scroll position itself. */
export function createWebHistory(): RouterHistory {
  const location = () => window.location.pathname + window.location.search + window.location.hash
  if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual'
  const state = () => window.history.state as HistoryState | null
  if (!state()?.current) {
    window.history.replaceState({ ...state(), back: null, current: location(), forward: null, position: window.history.length - 1, scroll: null }, '')
  }
  return {
    location,
    state,
    push(address) {
      const here = state()
      // The entry being left keeps its scroll position and learns where it leads.
      window.history.replaceState({ ...here, forward: address, scroll: { left: window.scrollX, top: window.scrollY } }, '')
      window.history.pushState({ back: location(), current: address, forward: null, position: (here?.position ?? 0) + 1, scroll: null } satisfies HistoryState, '', address)
    },
    replace(address) {
      const here = state()
      window.history.replaceState({ back: null, forward: null, position: window.history.length - 1, ...here, current: address, scroll: null }, '', address)
    },
    go: (delta) => window.history.go(delta),
    listen(onPop) {
      const handler = (event: PopStateEvent) => onPop(location(), event.state as HistoryState | null)
      window.addEventListener('popstate', handler)
      return () => window.removeEventListener('popstate', handler)
    },
  }
}

/** A history in memory (tests, and where there is no window). */
export function createMemoryHistory(start = '/'): RouterHistory {
  const entries: HistoryState[] = [{ back: null, current: start, forward: null, position: 0, scroll: null }]
  let at = 0
  let listeners: ((address: string, state: HistoryState | null) => void)[] = []
  return {
    location: () => entries[at]!.current,
    state: () => entries[at]!,
    push(address) {
      entries.splice(at + 1, entries.length, { back: entries[at]!.current, current: address, forward: null, position: at + 1, scroll: null })
      at++
    },
    replace(address) {
      entries[at] = { ...entries[at]!, current: address }
    },
    go(delta) {
      const next = Math.min(Math.max(at + delta, 0), entries.length - 1)
      if (next === at) return
      at = next
      for (const listener of listeners) listener(entries[at]!.current, entries[at]!)
    },
    listen(onPop) {
      listeners.push(onPop)
      return () => (listeners = listeners.filter((l) => l !== onPop))
    },
  }
}
