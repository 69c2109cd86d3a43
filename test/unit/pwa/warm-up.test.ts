import { describe, expect, it } from 'vitest'
import { warmUp } from '../../../src/sw/warm-up.ts'

describe('warming the HTTP cache before Workbox precaches', () => {
  it('fetches every file once, at most six at a time, and reads each body (so the HTTP cache keeps it)', async () => {
    const urls = Array.from({ length: 40 }, (_, i) => `/assets/chunk-${i}.js`)
    let running = 0
    let most = 0
    const fetched: string[] = []
    const read: string[] = []
    const fakeFetch = (async (input: RequestInfo | URL) => {
      const url = String(input)
      fetched.push(url)
      running++
      most = Math.max(most, running)
      await new Promise((r) => setTimeout(r, 1 + (fetched.length % 3)))
      running--
      return { arrayBuffer: async () => (read.push(url), new ArrayBuffer(0)) } as Response
    }) as typeof fetch
    await warmUp(urls, 6, fakeFetch)
    expect([...fetched].sort()).toEqual([...urls].sort())
    expect(read).toHaveLength(urls.length)
    expect(most).toBe(6)
  })

  it('goes on past a file that fails, and does nothing for an empty list', async () => {
    const fetched: string[] = []
    const flaky = (async (input: RequestInfo | URL) => {
      fetched.push(String(input))
      if (String(input).includes('bad')) throw new TypeError('offline')
      return { arrayBuffer: async () => new ArrayBuffer(0) } as Response
    }) as typeof fetch
    await expect(warmUp(['/a.js', '/bad.js', '/c.js'], 2, flaky)).resolves.toBeUndefined()
    expect(fetched).toEqual(['/a.js', '/bad.js', '/c.js'])
    await expect(warmUp([], 6, flaky)).resolves.toBeUndefined()
  })
})
