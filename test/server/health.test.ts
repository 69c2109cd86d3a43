import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'

describe.each(DATABASES)('health and API documents on %s', (kind) => {
  it('reports ok and which database is in use', async () => {
    const { app } = await buildTestApp(kind)
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', database: kind })
  })

  it('documents every API route in OpenAPI 3', async () => {
    const { app } = await buildTestApp(kind)
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(doc.openapi).toMatch(/^3\./)
    const routes = app.printRoutes({ commonPrefix: false })
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/v1/sync']))
    expect(routes).toContain('/api/health')
  })

  it('answers unknown API paths with a JSON 404', async () => {
    const { app } = await buildTestApp(kind)
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ error: 'not_found', fields: {} })
  })

  it('sends a JSON answer the short policy of an API, without the page-only headers', async () => {
    const { app } = await buildTestApp(kind)
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin')
    for (const name of ['x-frame-options', 'referrer-policy', 'cross-origin-opener-policy', 'x-xss-protection']) expect(res.headers[name], name).toBeUndefined()
  })

  it('keeps the strict page policy on the small HTML pages under /api/ (the mail links)', async () => {
    const { app } = await buildTestApp(kind)
    const res = await app.inject({ method: 'GET', url: `/api/v1/mail/confirm/${'a'.repeat(43)}` })
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    const csp = res.headers['content-security-policy']
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
  })
})
