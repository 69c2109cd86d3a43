import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES, TEST_PASSWORD_COST } from './test-app.ts'
import { loginAs, PASSWORD } from './coordination-fixtures.ts'
import { upsertCoordinator } from '../../server/coordination/coordinators.repository.ts'
import { SESSION_HOURS } from '../../server/coordination/auth/sessions.ts'

describe.each(DATABASES)('coordinator accounts on %s', (kind) => {
  it('logs in with the right password, stored at the full scrypt cost, and sets a strict HttpOnly session cookie', async () => {
    const { app, db } = await buildTestApp(kind)
    await upsertCoordinator(db, { email: 'anna@example.org', password: PASSWORD, role: 'coordinator', districts: ['stendal'] })
    const res = await app.inject({ method: 'POST', url: '/api/v1/coordination/login', payload: { email: 'Anna@Example.org', password: PASSWORD } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ email: 'anna@example.org', role: 'coordinator', districts: ['stendal'] })
    const cookie = res.cookies[0]!
    expect(cookie).toMatchObject({ name: 'wk_coordination', httpOnly: true, sameSite: 'Strict', path: '/api/v1/coordination' })
    expect(cookie.secure).toBeFalsy() // plain http in tests; https (also behind TRUST_PROXY) sets Secure

    const me = await app.inject({ url: '/api/v1/coordination/me', headers: { cookie: `${cookie.name}=${cookie.value}` } })
    expect(me.json()).toEqual({ email: 'anna@example.org', role: 'coordinator', districts: ['stendal'] })
    const stored = await db.selectFrom('coordinators').select('password_hash').executeTakeFirstOrThrow()
    expect(stored.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(stored.password_hash).not.toContain(PASSWORD)
  })

  it('marks the cookie Secure when the request came over https through a trusted proxy', async () => {
    const { app, db } = await buildTestApp(kind, { trustProxy: ['10.0.0.1'] })
    await upsertCoordinator(db, { email: 'anna@example.org', password: PASSWORD, role: 'admin', districts: [] }, TEST_PASSWORD_COST)
    const login = (remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/coordination/login',
        remoteAddress,
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'anna@example.org', password: PASSWORD },
      })
    expect((await login('10.0.0.1')).cookies[0]!.secure).toBe(true)
    // Anyone else's X-Forwarded-Proto does not count.
    expect((await login('203.0.113.5')).cookies[0]!.secure).toBeFalsy()
  })

  it('gives the same 401 for a wrong password and an unknown e-mail', async () => {
    const { app, db } = await buildTestApp(kind)
    await upsertCoordinator(db, { email: 'anna@example.org', password: PASSWORD, role: 'admin', districts: [] }, TEST_PASSWORD_COST)
    for (const payload of [
      { email: 'anna@example.org', password: 'wrong password' },
      { email: 'nobody@example.org', password: PASSWORD },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/coordination/login', payload })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ error: 'wrong_login' })
      expect(res.cookies).toHaveLength(0)
    }
  })

  it('rejects a malformed login with a 400 naming the field', async () => {
    const { app } = await buildTestApp(kind)
    const res = await app.inject({ method: 'POST', url: '/api/v1/coordination/login', payload: { email: 'not-an-address', password: 'x' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields).toHaveProperty('email')
  })

  it('limits login attempts per client', async () => {
    const { app } = await buildTestApp(kind)
    const codes: number[] = []
    for (let i = 0; i < 12; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/coordination/login', payload: { email: 'x@example.org', password: 'guess' + i } })
      codes.push(res.statusCode)
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true)
    expect(codes.slice(10)).toEqual([429, 429])
    // Another account from the same address is not locked out by these guesses.
    const other = await app.inject({ method: 'POST', url: '/api/v1/coordination/login', payload: { email: 'y@example.org', password: 'guess' } })
    expect(other.statusCode).toBe(401)
  })

  it('limits login attempts per client address whatever the account, and not other addresses', async () => {
    const { app } = await buildTestApp(kind, { loginAttemptsPerAddress: 5 })
    const login = (n: number, remoteAddress = '203.0.113.7') =>
      app.inject({ method: 'POST', url: '/api/v1/coordination/login', remoteAddress, payload: { email: `x${n}@example.org`, password: 'guess' } })
    const codes: number[] = []
    for (let n = 0; n < 7; n++) codes.push((await login(n)).statusCode)
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429])
    expect((await login(99, '203.0.113.8')).statusCode).toBe(401)
  })

  it('lets the client try again when fifteen minutes have passed on the clock', async () => {
    let at = Date.parse('2026-11-22T10:00:00Z')
    const { app } = await buildTestApp(kind, { now: () => new Date(at) })
    const login = () => app.inject({ method: 'POST', url: '/api/v1/coordination/login', payload: { email: 'x@example.org', password: 'guess' } })
    for (let i = 0; i < 10; i++) await login()
    expect((await login()).statusCode).toBe(429)
    at += 14 * 60_000
    expect((await login()).statusCode).toBe(429)
    at += 60_000
    expect((await login()).statusCode).toBe(401)
  })

  it('ends a session when its hours have passed on the clock', async () => {
    let at = Date.parse('2026-11-22T10:00:00Z')
    const { app, db } = await buildTestApp(kind, { now: () => new Date(at) })
    const cookie = await loginAs(app, db, { email: 'anna@example.org', districts: ['harz'] })
    at += (SESSION_HOURS - 1) * 3600_000
    expect((await app.inject({ url: '/api/v1/coordination/me', headers: { cookie } })).statusCode).toBe(200)
    at += 3600_000
    expect((await app.inject({ url: '/api/v1/coordination/me', headers: { cookie } })).statusCode).toBe(401)
  })

  it('counts only failed logins toward the limit: logging in often never locks a coordinator out', async () => {
    const { app, db } = await buildTestApp(kind, { loginAttempts: 3 })
    await upsertCoordinator(db, { email: 'anna@example.org', password: PASSWORD, role: 'coordinator', districts: ['stendal'] })
    const login = (password: string) => app.inject({ method: 'POST', url: '/api/v1/coordination/login', payload: { email: 'anna@example.org', password } })
    const codes: number[] = []
    for (let i = 0; i < 5; i++) codes.push((await login(PASSWORD)).statusCode)
    expect(codes).toEqual([200, 200, 200, 200, 200])
    for (let i = 0; i < 3; i++) codes.push((await login('wrong guess')).statusCode)
    const limited = await login(PASSWORD)
    expect(codes.slice(5)).toEqual([401, 401, 401])
    // Three failures: now even the right password waits, and is told how long.
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toMatchObject({ error: 'rate_limited' })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('ends the session at logout', async () => {
    const { app, db } = await buildTestApp(kind)
    const cookie = await loginAs(app, db, { email: 'anna@example.org', districts: ['harz'] })
    expect((await app.inject({ url: '/api/v1/coordination/me', headers: { cookie } })).statusCode).toBe(200)
    expect((await app.inject({ method: 'POST', url: '/api/v1/coordination/logout', headers: { cookie } })).statusCode).toBe(204)
    const after = await app.inject({ url: '/api/v1/coordination/me', headers: { cookie } })
    expect(after.statusCode).toBe(401)
    expect(after.json()).toMatchObject({ error: 'unauthenticated' })
  })

  it('refuses a change sent from another origin even with a valid session', async () => {
    const { app, db } = await buildTestApp(kind)
    const cookie = await loginAs(app, db, { email: 'anna@example.org', role: 'admin' })
    const res = await app.inject({ method: 'POST', url: '/api/v1/coordination/meetups', headers: { cookie, origin: 'https://evil.example' }, payload: {} })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ error: 'forbidden' })
    expect(await db.selectFrom('audit_log').select('action').where('action', 'like', 'meetup.%').execute()).toEqual([])
  })

  // Login, logout and the password routes (set by link, forgotten) are public on purpose.
  it('answers 401 on every coordination route without a session', async () => {
    const { app } = await buildTestApp(kind)
    const spec = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> }
    const routes = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/v1/coordination/') && !/\/(login|logout|password|password\/forgot)$/.test(path))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })))
    expect(routes.length).toBeGreaterThan(1)
    for (const { method, path } of routes) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000')
      const res = await app.inject({ method: method as 'GET', url, ...(method === 'GET' ? {} : { payload: {} }) })
      expect(res.statusCode, `${method} ${path}`).toBe(401)
    }
  })
})
