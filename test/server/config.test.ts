import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config.ts'

describe('configuration from the environment', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({ port: 8080, host: '0.0.0.0', databaseUrl: undefined, demoData: true, logLevel: 'info', retentionDays: 90, trustProxy: false, publicUrl: 'http://localhost:8080', loginAttempts: 10, loginAttemptsPerAddress: 50, databaseSchema: undefined })
    expect(loadConfig({}).connections).toEqual({ requestTimeoutMs: 30_000, idleTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxRequestsPerConnection: 1000, maxPipelinedRequests: 4, maxUnreadBytes: 8 * 1024 * 1024 })
  })

  it('reads valid values', () => {
    const env = { PORT: '3000', DEMO_DATA: 'false', LOG_LEVEL: 'silent', RETENTION_DAYS: '30', TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1', PUBLIC_URL: 'https://willkommen.example.org/', LOGIN_ATTEMPTS: '5', LOGIN_ATTEMPTS_PER_ADDRESS: '20', DATABASE_URL: 'postgres://u@h/db', DATABASE_SCHEMA: 'willkommen_2', IDLE_TIMEOUT_MS: '0' }
    expect(loadConfig(env)).toMatchObject({ port: 3000, demoData: false, logLevel: 'silent', retentionDays: 30, trustProxy: ['10.0.0.1', '192.168.0.0/16', '::1'], publicUrl: 'https://willkommen.example.org', loginAttempts: 5, loginAttemptsPerAddress: 20, databaseUrl: 'postgres://u@h/db', databaseSchema: 'willkommen_2' })
    expect(loadConfig(env).connections.idleTimeoutMs).toBe(0)
  })

  it('takes a relative WEB_ROOT from the folder the server was started in (the static files need an absolute one)', () => {
    expect(loadConfig({ WEB_ROOT: 'dist' }).webRoot).toBe(`${process.cwd()}/dist`)
    expect(loadConfig({ WEB_ROOT: '/srv/willkommen' }).webRoot).toBe('/srv/willkommen')
  })

  it('reads the mail settings', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: undefined, mailFrom: 'Willkommen <willkommen@localhost>', mailPollSeconds: 15 })
    const env = { SMTP_URL: 'smtp://u:p@mail.example.org:587', MAIL_FROM: 'Netzwerk <netz@example.org>', MAIL_POLL_SECONDS: '0' }
    expect(loadConfig(env)).toMatchObject({ smtpUrl: env.SMTP_URL, mailFrom: env.MAIL_FROM, mailPollSeconds: 0 })
  })

  it.each([
    ['RETENTION_DAYS', '90d'],
    ['RETENTION_DAYS', '0'],
    ['LOGIN_ATTEMPTS', 'ten'],
    ['LOGIN_ATTEMPTS_PER_ADDRESS', '-1'],
    ['DATABASE_SCHEMA', 'public; drop table x'],
    ['PORT', '80 80'],
    ['DEMO_DATA', 'ture'],
    ['TRUST_PROXY', 'yes'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '10.0.0.1 evil'],
    ['PUBLIC_URL', 'javascript://x'],
    ['PUBLIC_URL', 'https://x/path?q'],
    ['REQUEST_TIMEOUT_MS', '-1'],
    ['MAX_PIPELINED_REQUESTS', 'many'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://u@h/db'],
    ['SMTP_URL', 'http://mail.example.org'],
    ['MAIL_FROM', 'Willkommen <a@b.org>\r\nBcc: x@y.org'],
    ['MAIL_POLL_SECONDS', 'often'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(`${name}=${JSON.stringify(value)} is not valid`)
  })

  it('names every wrong variable at once', () => {
    expect(() => loadConfig({ RETENTION_DAYS: 'x', LOG_LEVEL: 'y', PORT: '8080' })).toThrow(/LOG_LEVEL="y".*\n.*RETENTION_DAYS="x"/)
  })

  it('stops the server before it starts, with the message on stderr', () => {
    const server = new URL('../../server/server.ts', import.meta.url).pathname
    const run = spawnSync(process.execPath, [server], {
      env: { PATH: process.env.PATH, RETENTION_DAYS: '90 days', DATA_DIR: 'memory://', PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('RETENTION_DAYS="90 days" is not valid: expected a whole number of days')
    expect(run.stdout).toBe('')
  })
})
