import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../db/schema.ts'
import { confirmAddress, mailTokenLanguage, unsubscribe } from './mail-address.service.ts'
import { mailPage, type MailPage } from './mail-page.ts'

const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) })
const Html = Type.String({ description: 'A small HTML page' })
const HTML_TYPE = 'text/html; charset=utf-8'

function send(reply: FastifyReply, status: number, page: MailPage, lang: string) {
  return reply.status(status).header('content-type', HTML_TYPE).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(mailPage(page, lang))
}

/**
 * The links in mails: confirm an address (double opt-in) and unsubscribe. GET only shows a page with a
 * button; POST acts. The unsubscribe POST is also RFC 8058's one-click (`List-Unsubscribe=One-Click`).
 */
export const mailRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  // Forms and one-click unsubscribes post url-encoded; their content is not needed.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, _body, done) => done(null, undefined))
  const schema = (summary: string) => ({ summary, params: TokenParams, response: { 200: Html, 404: Html } })

  app.get('/api/v1/mail/confirm/:token', { schema: schema('Page to confirm an e-mail address (changes nothing)') }, async (request, reply) => {
    const lang = await mailTokenLanguage(db, request.params.token)
    return lang ? send(reply, 200, 'confirm', lang) : send(reply, 404, 'unknown', 'de')
  })
  app.post('/api/v1/mail/confirm/:token', { schema: schema('Confirm an e-mail address; the mail the registration calls for follows') }, async (request, reply) => {
    const lang = await confirmAddress(db, request.params.token, app.now())
    return lang ? send(reply, 200, 'confirmed', lang) : send(reply, 404, 'unknown', 'de')
  })
  app.get('/api/v1/mail/unsubscribe/:token', { schema: schema('Page to stop mail about a registration (changes nothing)') }, async (request, reply) => {
    const lang = await mailTokenLanguage(db, request.params.token)
    return lang ? send(reply, 200, 'unsubscribe', lang) : send(reply, 404, 'unknown', 'de')
  })
  app.post('/api/v1/mail/unsubscribe/:token', { schema: schema('Stop mail about a registration (RFC 8058 one-click)') }, async (request, reply) => {
    const lang = await unsubscribe(db, request.params.token)
    return lang ? send(reply, 200, 'unsubscribed', lang) : send(reply, 404, 'unknown', 'de')
  })
}
