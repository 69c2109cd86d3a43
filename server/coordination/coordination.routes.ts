import cookie from '@fastify/cookie'
import type { FastifyPluginAsync } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { useStrictJson } from '../web/strict-json.ts'
import { registerRateLimit } from '../errors/rate-limit.ts'
import { authenticate } from './auth/coordinator-auth.ts'
import { loginRoutes, meRoutes } from './auth/auth.routes.ts'
import type { PasswordCost } from './auth/password.ts'
import type { LoginLimits } from './auth/login-limit.ts'
import { auditRoutes } from './audit/audit.routes.ts'
import { coordinationMeetupsRoutes } from './meetups/meetups.routes.ts'
import { coordinationRegistrationsRoutes } from './registrations/registrations.routes.ts'
import { coordinationNetworkRulesRoutes, networkRulesRoutes } from '../network/network-rules.routes.ts'
import { coordinationTandemsRoutes } from './tandems/tandems.routes.ts'
import { coordinationPartnersRoutes, partnerRequestRoutes } from './partners/partners.routes.ts'
import { coordinationContentRoutes } from './content/content.routes.ts'
import { coordinationFeedbackRoutes } from './feedback/feedback.routes.ts'
import { accountsRoutes, passwordRoutes } from './accounts/accounts.routes.ts'

export interface CoordinationOptions {
  db: Kysely<Database>
  loginLimits: Omit<LoginLimits, 'windowMs'>
  passwordCost?: PasswordCost
}

/**
 * The coordinator workspace's API under /api/v1/coordination: login is public, everything else needs
 * a session and checks role and district per route. Also the public route that belongs to it:
 * a partner organisation asking to be listed (a tandem partner answers a match in server/volunteering).
 */
export const coordinationRoutes: FastifyPluginAsync<CoordinationOptions> = async (app, { db, loginLimits, passwordCost }) => {
  useStrictJson(app)
  await app.register(cookie)
  await registerRateLimit(app, db)
  await app.register(loginRoutes, { db, loginLimits, ...(passwordCost ? { passwordCost } : {}) })
  await app.register(partnerRequestRoutes, { db })
  await app.register(networkRulesRoutes, { db })
  await app.register(passwordRoutes, { db, ...(passwordCost ? { passwordCost } : {}) })

  await app.register(async (authenticated) => {
    authenticated.addHook('onRequest', authenticate(db))
    await authenticated.register(meRoutes)
    await authenticated.register(auditRoutes, { db })
    await authenticated.register(coordinationMeetupsRoutes, { db })
    await authenticated.register(coordinationRegistrationsRoutes, { db })
    await authenticated.register(coordinationTandemsRoutes, { db })
    await authenticated.register(coordinationPartnersRoutes, { db })
    await authenticated.register(coordinationContentRoutes, { db })
    await authenticated.register(coordinationFeedbackRoutes, { db })
    await authenticated.register(coordinationNetworkRulesRoutes, { db })
    await authenticated.register(accountsRoutes, { db })
  })
}
