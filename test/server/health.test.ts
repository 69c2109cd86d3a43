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

  it('sends a strict Content-Security-Policy', async () => {
    const { app } = await buildTestApp(kind)
    const csp = (await app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("default-src 'self'")
  })
})
