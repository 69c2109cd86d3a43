import { Type, type TSchema } from 'typebox'
import { Value } from 'typebox/value'

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

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const wholeNumber = (description: string) => Type.String({ pattern: '^[1-9][0-9]*$', description })
const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)), { description: `one of ${values.join(', ')}` })

/** What each variable may hold, as the text it arrives in; the description is the error message's hint. */
const ENV_SCHEMA = {
  PORT: Type.String({ pattern: '^[0-9]{1,5}$', description: 'a port number, e.g. 8080' }),
  HOST: Type.String({ minLength: 1, description: 'an address to listen on, e.g. 0.0.0.0' }),
  DATABASE_URL: Type.String({ pattern: '^(postgres(ql)?://.+)?$', description: 'a postgres:// connection string' }),
  DATA_DIR: Type.String({ minLength: 1, description: 'a folder, or memory://' }),
  DEMO_DATA: oneOf(['true', 'false']),
  WEB_ROOT: Type.String({ minLength: 1, description: 'a folder' }),
  LOG_LEVEL: oneOf(LOG_LEVELS),
  RETENTION_DAYS: wholeNumber('a whole number of days, e.g. 90'),
  TRUST_PROXY: oneOf(['true', 'false']),
  LOGIN_ATTEMPTS: wholeNumber('a whole number, e.g. 10'),
} satisfies Record<string, TSchema>

type EnvName = keyof typeof ENV_SCHEMA

/** A setting the server cannot start with; the message names each wrong variable and what it should be. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Checks every variable that is set, and reports all wrong ones at once. */
function readEnv(env: NodeJS.ProcessEnv): Partial<Record<EnvName, string>> {
  const problems: string[] = []
  const values: Partial<Record<EnvName, string>> = {}
  for (const [name, schema] of Object.entries(ENV_SCHEMA) as Array<[EnvName, TSchema]>) {
    const value = env[name]
    if (value === undefined) continue
    if (Value.Check(schema, value)) values[name] = value
    else problems.push(`${name}=${JSON.stringify(value)} is not valid: expected ${String((schema as { description?: string }).description)}`)
  }
  if (problems.length) throw new ConfigError(`Configuration error:\n  ${problems.join('\n  ')}`)
  return values
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = readEnv(env)
  return {
    port: Number(e.PORT ?? 8080),
    host: e.HOST ?? '0.0.0.0',
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: e.DATA_DIR ?? './data',
    demoData: (e.DEMO_DATA ?? 'true') === 'true',
    webRoot: e.WEB_ROOT ?? new URL('../dist', import.meta.url).pathname,
    logLevel: e.LOG_LEVEL ?? 'info',
    retentionDays: Number(e.RETENTION_DAYS ?? 90),
    trustProxy: e.TRUST_PROXY === 'true',
    loginAttempts: Number(e.LOGIN_ATTEMPTS ?? 10),
  }
}

/** For the entry points (server, scripts): the configuration, or its errors on stderr and exit code 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env)
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    process.stderr.write(`${err.message}\n`)
    process.exit(1)
  }
}
