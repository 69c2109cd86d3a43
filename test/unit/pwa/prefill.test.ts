import { describe, expect, it } from 'vitest'
import { prefill, type PrefillEntry } from '../../../src/sw/prefill.ts'

function cacheSpy() {
  const stored = new Map<string, Response>()
  return {
    stored,
    match: async (key: RequestInfo | URL) => stored.get(String(key)),
    put: async (key: RequestInfo | URL, response: Response) => void stored.set(String(key), response),
  }
}

describe('storing the precache a few files at a time before Workbox installs', () => {
  it('fetches every file once, at most six at a time, and stores each under the key Workbox looks for', async () => {
    const entries: PrefillEntry[] = Array.from({ length: 40 }, (_, i) => ({ url: `/assets/chunk-${i}.js`, cacheKey: `/assets/chunk-${i}.js`, reload: false }))
    entries.push({ url: '/index.html', cacheKey: '/index.html?__WB_REVISION__=abc', reload: true })
    let running = 0
    let most = 0
    const modes = new Map<string, RequestCache | undefined>()
    const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      modes.set(String(input), init?.cache)
      running++
      most = Math.max(most, running)
      await new Promise((r) => setTimeout(r, 1 + (modes.size % 3)))
      running--
      return new Response(String(input))
    }) as typeof fetch
    const cache = cacheSpy()
    await prefill(entries, cache, 6, fakeFetch)
    expect([...modes.keys()].sort()).toEqual(entries.map((e) => e.url).sort())
    expect(most).toBe(6)
    expect([...cache.stored.keys()].sort()).toEqual(entries.map((e) => e.cacheKey).sort())
    expect(await cache.stored.get('/index.html?__WB_REVISION__=abc')!.text()).toBe('/index.html')
    // A hashed file may come from the HTTP cache (the page loaded it); a revisioned one never.
    expect(modes.get('/assets/chunk-0.js')).toBe('default')
    expect(modes.get('/index.html')).toBe('reload')
  })

  it('leaves a failed, refused or redirected file to Workbox and goes on; an empty list does nothing', async () => {
    const fetched: string[] = []
    const flaky = (async (input: RequestInfo | URL) => {
      const url = String(input)
      fetched.push(url)
      if (url.includes('offline')) throw new TypeError('offline')
      if (url.includes('missing')) return new Response('', { status: 404 })
      const response = new Response(url)
      if (url.includes('moved')) Object.defineProperty(response, 'redirected', { value: true })
      return response
    }) as typeof fetch
    const entry = (url: string): PrefillEntry => ({ url, cacheKey: url, reload: false })
    const cache = cacheSpy()
    await expect(prefill(['/a.js', '/offline.js', '/missing.js', '/moved.js', '/c.js'].map(entry), cache, 2, flaky)).resolves.toBeUndefined()
    expect(fetched).toEqual(['/a.js', '/offline.js', '/missing.js', '/moved.js', '/c.js'])
    expect([...cache.stored.keys()]).toEqual(['/a.js', '/c.js'])
    await expect(prefill([], cache, 6, flaky)).resolves.toBeUndefined()
  })

  it('fetches nothing for a file the cache holds already (an update keeps the unchanged ones)', async () => {
    const fetched: string[] = []
    const fakeFetch = (async (input: RequestInfo | URL) => (fetched.push(String(input)), new Response(String(input)))) as typeof fetch
    const cache = cacheSpy()
    cache.stored.set('/assets/kept.js', new Response('old'))
    await prefill(['/assets/kept.js', '/assets/new.js'].map((url) => ({ url, cacheKey: url, reload: false })), cache, 6, fakeFetch)
    expect(fetched).toEqual(['/assets/new.js'])
    expect(await cache.stored.get('/assets/kept.js')!.text()).toBe('old')
  })
})
