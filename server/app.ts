import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import compress from '@fastify/compress'
import swagger from '@fastify/swagger'
import type { Config } from './config.ts'
import { systemClock, type Clock } from './clock.ts'
import type { PasswordCost } from './coordination/auth/password.ts'
import { openDatabase, type DatabaseHandle } from './db/database.ts'
import { migrateToLatest } from './db/migrate.ts'
import { oneStartAtATime } from './db/startup-lock.ts'
import { registerErrorHandler } from './errors/error-handler.ts'
import { registerSecurityHeaders } from './web/security-headers.ts'
import { inlineHashes } from './web/inline-hashes.ts'
import { trimNotModified } from './web/not-modified.ts'
import { registerWeb } from './web/web.plugin.ts'
import { connectionOptions, registerConnectionLimits } from './web/connection-limits.ts'
import { clientErrorOptions } from './errors/client-errors.ts'
import { registerTextRules } from './web/text-rules.ts'
import { healthRoutes } from './health/health.routes.ts'
import { syncRoutes } from './sync/sync.routes.ts'
import { volunteeringRoutes } from './volunteering/volunteering.routes.ts'
import { coordinationRoutes } from './coordination/coordination.routes.ts'
import { insertSampleMeetups } from './meetups/sample-meetups.ts'
import { calendarRoutes } from './meetups/calendar.routes.ts'
import { meetupHorizon } from './meetups/horizon.plugin.ts'
import { loadGuideContent } from './guide/guide-content.ts'
import { insertSampleContacts } from './contacts/sample-contacts.ts'
import { createMailTransport } from './mail/mail-transport.ts'
import { scheduleMailWorker, sendDueMail } from './mail/mail-worker.ts'
import { mailRoutes } from './mail/mail.routes.ts'
import { feedbackRoutes } from './feedback/feedback.routes.ts'

/** Request log lines without secrets: a manage, declaration status or set-password token in the path is a key to someone's data. */
function redactRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: request.url.replace(/(\/manage\/|^\/api\/v1\/partner-requests\/|^\/partners\/status\/|^\/coordination\/password\/)[^/?]+/, '$1[token]'),
    remoteAddress: request.ip,
  }
}

export interface BuildOptions {
  config: Config
  /** An already open database (tests); otherwise opened from the config. */
  database?: DatabaseHandle
  logger?: FastifyServerOptions['logger']
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void }
  /** The current time; the real clock unless a test sets the date. */
  now?: Clock
  /** scrypt cost of password hashes; full cost unless a test lowers it for speed. */
  passwordCost?: PasswordCost
}

/** Builds the whole server without listening: tests call it and use `app.inject`. */
export async function buildApp({ config, database, logger, logStream, now = systemClock, passwordCost }: BuildOptions): Promise<FastifyInstance> {
  const handle = database ?? openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema })
  const { db, kind } = handle
  await oneStartAtATime(handle, async () => {
    await migrateToLatest(db)
    await loadGuideContent(db)
    if (config.demoData) await insertSampleMeetups(db, now())
    if (config.demoData) await insertSampleContacts(db)
  })

  const app = Fastify({
    logger: logger ?? { level: config.logLevel, serializers: { req: redactRequest }, ...(logStream ? { stream: logStream } : {}) },
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    ...connectionOptions(config.connections),
    ...clientErrorOptions,
    // Unknown fields are an error, not silently dropped; see registerErrorHandler.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()
  app.addHook('onClose', async () => db.destroy())
  app.decorate('now', now)
  const mail = {
    db,
    transport: createMailTransport({ smtpUrl: config.smtpUrl, dataDir: config.dataDir }, app.log),
    from: config.mailFrom,
    publicUrl: config.publicUrl,
    now,
    log: app.log,
  }
  app.decorate('sendDueMail', () => sendDueMail(mail))
  scheduleMailWorker(app, mail, config.mailPollSeconds * 1000)

  registerErrorHandler(app)
  registerConnectionLimits(app, config.connections)
  registerTextRules(app)
  await registerSecurityHeaders(app, inlineHashes(config.webRoot))
  trimNotModified(app)
  await app.register(compress, { threshold: 1024 })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Willkommen API', version: '1.0.0', description: 'Offline-first welcome app for Saxony-Anhalt' },
    },
  })

  await app.register(healthRoutes, { databaseKind: kind })
  await app.register(syncRoutes, { db })
  await app.register(meetupHorizon, { db })
  await app.register(calendarRoutes, { db, publicUrl: config.publicUrl })
  await app.register(volunteeringRoutes, { db, retentionDays: config.retentionDays, registrationsPerClientAndDate: config.registrationsPerClientAndDate })
  await app.register(mailRoutes, { db })
  await app.register(feedbackRoutes, { db })
  await app.register(coordinationRoutes, {
    db,
    loginLimits: { perAccount: config.loginAttempts, perAddress: config.loginAttemptsPerAddress },
    passwordCost,
  })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  await registerWeb(app, config.webRoot)
  return app
}
