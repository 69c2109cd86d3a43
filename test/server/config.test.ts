import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config.ts'

describe('configuration from the environment', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({ port: 8080, host: '0.0.0.0', databaseUrl: undefined, demoData: true, logLevel: 'info', retentionDays: 90, trustProxy: false, loginAttempts: 10 })
  })

  it('reads valid values', () => {
    const env = { PORT: '3000', DEMO_DATA: 'false', LOG_LEVEL: 'silent', RETENTION_DAYS: '30', TRUST_PROXY: 'true', LOGIN_ATTEMPTS: '5', DATABASE_URL: 'postgres://u@h/db' }
    expect(loadConfig(env)).toMatchObject({ port: 3000, demoData: false, logLevel: 'silent', retentionDays: 30, trustProxy: true, loginAttempts: 5, databaseUrl: 'postgres://u@h/db' })
  })

  it.each([
    ['RETENTION_DAYS', '90d'],
    ['RETENTION_DAYS', '0'],
    ['LOGIN_ATTEMPTS', 'ten'],
    ['PORT', '80 80'],
    ['DEMO_DATA', 'ture'],
    ['TRUST_PROXY', 'yes'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://u@h/db'],
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
