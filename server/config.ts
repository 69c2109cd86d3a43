import { Type, type TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { resolve } from 'node:path'

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
  /** Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-* headers count; false: none. */
  trustProxy: false | string[]
  /** The app's public address for links the server writes (calendar feed); never taken from request headers. */
  publicUrl: string
  /** Coordinator login attempts per client address and account in 15 minutes. */
  loginAttempts: number
  /** Coordinator login attempts per client address, whatever the account, in 15 minutes. */
  loginAttemptsPerAddress: number
  /** Live registrations one client address may hold for one date (0: no limit). */
  registrationsPerClientAndDate: number
  /** PostgreSQL schema to work in (must exist); the connection's default search path when absent. */
  databaseSchema: string | undefined
  /** Limits per connection (milliseconds, counts, bytes; 0 = none): see server/web/connection-limits.ts. */
  connections: ConnectionLimits
  /** SMTP server for outgoing mail; without it mail is written as .eml files into DATA_DIR/mail/. */
  smtpUrl: string | undefined
  /** Sender of every mail. */
  mailFrom: string
  /** How often the mail worker looks for mail to send, in seconds; 0: never (tests drive it). */
  mailPollSeconds: number
}

export interface ConnectionLimits {
  requestTimeoutMs: number
  idleTimeoutMs: number
  keepAliveTimeoutMs: number
  maxRequestsPerConnection: number
  maxPipelinedRequests: number
  maxUnreadBytes: number
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const wholeNumber = (description: string) => Type.String({ pattern: '^[1-9][0-9]*$', description })
const limit = (description: string) => Type.String({ pattern: '^(0|[1-9][0-9]{0,9})$', description: `${description}, or 0 for no limit` })
const PROXY = String.raw`(loopback|linklocal|uniquelocal|[0-9]{1,3}(\.[0-9]{1,3}){3}(/[0-9]{1,2})?|[0-9a-fA-F:]*:[0-9a-fA-F:.]*(/[0-9]{1,3})?)`
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
  TRUST_PROXY: Type.String({
    pattern: `^(false|${PROXY}( *, *${PROXY})*)$`,
    description: 'false, or the reverse proxies\' addresses or CIDR ranges, comma-separated (e.g. 127.0.0.1,10.0.0.0/8); not true',
  }),
  PUBLIC_URL: Type.String({ pattern: String.raw`^https?://[^/?#\s@]+/?$`, description: 'the public address, e.g. https://willkommen.example.org' }),
  LOGIN_ATTEMPTS: wholeNumber('a whole number, e.g. 10'),
  REQUEST_TIMEOUT_MS: limit('milliseconds'),
  IDLE_TIMEOUT_MS: limit('milliseconds'),
  KEEP_ALIVE_TIMEOUT_MS: limit('milliseconds'),
  MAX_REQUESTS_PER_CONNECTION: limit('a whole number'),
  MAX_PIPELINED_REQUESTS: limit('a whole number'),
  MAX_UNREAD_BYTES: limit('bytes'),
  LOGIN_ATTEMPTS_PER_ADDRESS: wholeNumber('a whole number, e.g. 50'),
  REGISTRATIONS_PER_CLIENT_AND_DATE: limit('a whole number, e.g. 5'),
  DATABASE_SCHEMA: Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$', description: 'a schema name: lower-case letters, digits and _' }),
  SMTP_URL: Type.String({ pattern: '^(smtps?://[^\\s]+)?$', description: 'an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.org:587' }),
  MAIL_FROM: Type.String({ pattern: '^([^\\r\\n<>]*<[^\\s@<>]+@[^\\s@<>]+>|[^\\s@<>]+@[^\\s@<>]+)$', description: 'an address, e.g. "Willkommen <willkommen@example.org>"' }),
  MAIL_POLL_SECONDS: Type.String({ pattern: '^[0-9]+$', description: 'a whole number of seconds, e.g. 15 (0: no worker)' }),
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
  const port = Number(e.PORT ?? 8080)
  return {
    port,
    host: e.HOST ?? '0.0.0.0',
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: e.DATA_DIR ?? './data',
    demoData: (e.DEMO_DATA ?? 'true') === 'true',
    // A relative folder counts from where the server was started, as a person typing it would expect.
    webRoot: e.WEB_ROOT ? resolve(e.WEB_ROOT) : new URL('../dist', import.meta.url).pathname,
    logLevel: e.LOG_LEVEL ?? 'info',
    retentionDays: Number(e.RETENTION_DAYS ?? 90),
    trustProxy: !e.TRUST_PROXY || e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY.split(',').map((p) => p.trim()),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    loginAttempts: Number(e.LOGIN_ATTEMPTS ?? 10),
    connections: {
      requestTimeoutMs: Number(e.REQUEST_TIMEOUT_MS ?? 30_000),
      idleTimeoutMs: Number(e.IDLE_TIMEOUT_MS ?? 30_000),
      keepAliveTimeoutMs: Number(e.KEEP_ALIVE_TIMEOUT_MS ?? 5_000),
      maxRequestsPerConnection: Number(e.MAX_REQUESTS_PER_CONNECTION ?? 1000),
      maxPipelinedRequests: Number(e.MAX_PIPELINED_REQUESTS ?? 4),
      maxUnreadBytes: Number(e.MAX_UNREAD_BYTES ?? 8 * 1024 * 1024),
    },
    loginAttemptsPerAddress: Number(e.LOGIN_ATTEMPTS_PER_ADDRESS ?? 50),
    registrationsPerClientAndDate: Number(e.REGISTRATIONS_PER_CLIENT_AND_DATE ?? 5),
    databaseSchema: e.DATABASE_SCHEMA,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM ?? 'Willkommen <willkommen@localhost>',
    mailPollSeconds: Number(e.MAIL_POLL_SECONDS ?? 15),
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
