import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { Clock } from '../clock.ts'

/** Clients remembered per route; beyond this, finished windows and then the oldest go first. */
const MAX_KEYS = 5000

/**
 * @fastify/rate-limit's in-memory counting (a fixed window per key), with the time from the app's
 * clock instead of Date.now(), so a test can let fifteen minutes pass.
 */
export function clockRateLimitStore(now: Clock): FastifyRateLimitStoreCtor {
  class ClockStore implements FastifyRateLimitStore {
    private readonly windows = new Map<string, { count: number; start: number }>()

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const at = now().getTime()
      let window = this.windows.get(key)
      if (!window || window.start + timeWindow <= at) {
        window = { count: 0, start: at }
        this.windows.delete(key)
        this.forgetOld(at, timeWindow)
        this.windows.set(key, window)
      }
      window.count += 1
      callback(null, { current: window.count, ttl: window.start + timeWindow - at })
    }

    child(): FastifyRateLimitStore {
      return new ClockStore()
    }

    private forgetOld(at: number, timeWindow: number): void {
      if (this.windows.size < MAX_KEYS) return
      for (const [key, w] of this.windows) if (w.start + timeWindow <= at) this.windows.delete(key)
      for (const key of this.windows.keys()) {
        if (this.windows.size < MAX_KEYS) break
        this.windows.delete(key)
      }
    }
  }
  return ClockStore
}
