/** Server settings from the environment; every variable is listed in the README's configuration table. */
export interface Config {
  port: number
  host: string
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined
  /** PGlite data directory, or `memory://` for a throw-away database. */
  dataDir: string
  /** Insert clearly marked sample data into an empty database. */
  demoData: boolean
  /** Folder with the built PWA; not served when missing (API only). */
  webRoot: string
  logLevel: string
  /** Days after an event until a registration's personal data is erased. */
  retentionDays: number
  /** Behind a reverse proxy: trust its X-Forwarded-* headers (https decides the cookie's Secure flag). */
  trustProxy: boolean
  /** Coordinator login attempts per client address and account in 15 minutes. */
  loginAttempts: number
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data',
    demoData: (env.DEMO_DATA ?? 'true') !== 'false',
    webRoot: env.WEB_ROOT ?? new URL('../dist', import.meta.url).pathname,
    logLevel: env.LOG_LEVEL ?? 'info',
    retentionDays: Number(env.RETENTION_DAYS ?? 90),
    trustProxy: env.TRUST_PROXY === 'true',
    loginAttempts: Number(env.LOGIN_ATTEMPTS ?? 10),
  }
}
