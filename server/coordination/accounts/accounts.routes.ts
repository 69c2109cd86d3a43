import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../../db/schema.ts'
import { ApiErrorSchema } from '../../../src/shared/api-error.schema.ts'
import { AccountChangeSchema, AccountSchema, ForgotPasswordSchema, InviteSchema, SetPasswordSchema } from '../../../src/shared/coordination/accounts.schema.ts'
import { coordinatorOf } from '../auth/coordinator-auth.ts'
import type { PasswordCost } from '../auth/password.ts'
import { changeAccount, inviteCoordinator, listAccounts, requestPasswordReset, setPasswordByLink } from './accounts.service.ts'

const tags = ['coordination']
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema }

/** Accounts, for admins (inside the authenticated plugin): invite, list, change districts, (de)activate. */
export const accountsRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get('/api/v1/coordination/accounts', { schema: { summary: 'Every coordinator account (admins only)', tags, response: { 200: Type.Array(AccountSchema), ...errors } } }, async (request) =>
    listAccounts(db, coordinatorOf(request)),
  )
  app.post(
    '/api/v1/coordination/accounts',
    { schema: { summary: 'Invite a coordinator by e-mail (admins only); the invitee sets a password by link', tags, body: InviteSchema, response: { 201: AccountSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await inviteCoordinator(db, coordinatorOf(request), request.body, app.now())),
  )
  app.patch(
    '/api/v1/coordination/accounts/:id',
    {
      schema: {
        summary: 'Change a coordinator\'s districts, or deactivate (sessions end at once) or reactivate an account (admins only)',
        tags,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: AccountChangeSchema,
        response: { 200: AccountSchema, ...errors },
      },
    },
    async (request) => changeAccount(db, coordinatorOf(request), request.params.id, request.body),
  )
}

export interface PasswordRoutesOptions {
  db: Kysely<Database>
  passwordCost?: PasswordCost
}

/** Public: ask for a link to set a new password, and set one by link (invitation or forgotten password). */
export const passwordRoutes: FastifyPluginAsyncTypebox<PasswordRoutesOptions> = async (app, { db, passwordCost }) => {
  app.post(
    '/api/v1/coordination/password/forgot',
    {
      schema: {
        summary: 'Forgotten password: a link goes to the address if it has an account; the answer is the same either way',
        tags,
        body: ForgotPasswordSchema,
        response: { 202: Type.Object({ status: Type.Literal('accepted') }), 400: ApiErrorSchema, 429: ApiErrorSchema },
      },
      config: { rateLimit: { max: 5, timeWindow: 15 * 60_000 } },
    },
    async (request, reply) => {
      await requestPasswordReset(db, request.body.email, request.body.locale ?? 'de', app.now())
      return reply.status(202).send({ status: 'accepted' as const })
    },
  )
  app.post(
    '/api/v1/coordination/password',
    {
      schema: {
        summary: 'Set a password with the secret of an invitation or forgotten-password link (once, before it expires)',
        tags,
        body: SetPasswordSchema,
        response: { 204: Type.Null(), 400: ApiErrorSchema, 410: ApiErrorSchema, 429: ApiErrorSchema },
      },
      config: { rateLimit: { max: 10, timeWindow: 15 * 60_000 } },
    },
    async (request, reply) => {
      await setPasswordByLink(db, request.body.token, request.body.password, app.now(), passwordCost)
      return reply.status(204).send(null)
    },
  )
}
