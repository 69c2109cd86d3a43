import { describe, expect, it } from 'vitest'
import { buildTestApp, clockAt, DATABASES } from './test-app.ts'

const PROXY = '10.0.0.1'
const SPOOFED = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'javascript', 'x-forwarded-for': '198.51.100.7' }

describe.each(DATABASES)('proxies trusted only when named, public links from PUBLIC_URL (%s)', (kind) => {
  it('writes calendar links with PUBLIC_URL, whatever X-Forwarded-Host/Proto say, also from the trusted proxy', async () => {
    const { app } = await buildTestApp(kind, { demoData: true, trustProxy: [PROXY], publicUrl: 'https://willkommen.example.org', now: clockAt('2026-11-20T10:00:00Z') })
    for (const remoteAddress of [PROXY, '203.0.113.5']) {
      const feed = await app.inject({ url: '/api/v1/calendar.ics', remoteAddress, headers: SPOOFED })
      expect(feed.statusCode).toBe(200)
      const urls = feed.body.split('\r\n').filter((line) => line.startsWith('URL:'))
      expect(urls.length).toBeGreaterThan(0)
      for (const url of urls) expect(url).toMatch(/^URL:https:\/\/willkommen\.example\.org\/meetups\//)
      expect(feed.body).not.toContain('evil.example')
    }
  })

  it('counts failed logins by the real address when X-Forwarded-For comes from a client that is not the proxy', async () => {
    const { app } = await buildTestApp(kind, { trustProxy: [PROXY], loginAttempts: 3 })
    const codes: number[] = []
    for (let n = 0; n < 5; n++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/coordination/login',
        remoteAddress: '203.0.113.5',
        headers: { 'x-forwarded-for': `198.51.100.${n}` },
        payload: { email: 'x@example.org', password: 'guess' },
      })
      codes.push(res.statusCode)
    }
    expect(codes).toEqual([401, 401, 401, 429, 429])
  })
})
