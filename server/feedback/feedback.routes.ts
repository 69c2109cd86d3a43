import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { ApiErrorSchema } from '../../src/shared/api-error.schema.ts'
import { berlinDay } from '../../src/shared/berlin-time.ts'
import { FeedbackAnswerSchema, FeedbackSchema, type FeedbackInput } from '../../src/shared/feedback/feedback.schema.ts'
import { IdempotencyHeadersSchema, withIdempotency } from '../idempotency/idempotency.ts'
import { registerRateLimit } from '../errors/rate-limit.ts'
import { useStrictJson } from '../web/strict-json.ts'
import { feedbackDistrict, insertFeedback } from './feedback.repository.ts'

/**
 * Answers per client address and window. A phone that answered many steps offline sends them in one
 * go; a 429 tells its outbox when to try again (Retry-After), so nothing is lost, only spread out.
 */
export const FEEDBACK_LIMIT = { max: 30, timeWindow: 10 * 60_000 }

const errors = { 400: ApiErrorSchema, 404: ApiErrorSchema, 413: ApiErrorSchema, 415: ApiErrorSchema, 422: ApiErrorSchema, 429: ApiErrorSchema }

/** A written answer as typed, trimmed; nothing but spaces is no text. */
const cleanText = (text: string | undefined): string | null => text?.trim() || null

/** Newcomers' anonymous "Did this help?" on guide steps and meetups, sent from the phone's outbox. */
export const feedbackRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  useStrictJson(app)
  await registerRateLimit(app, db)

  app.post(
    '/api/v1/feedback',
    {
      schema: {
        summary: 'Answer "Did this help?" about a guide step or meetup, anonymously, with an optional "What is missing?"',
        description: 'Stores no name, e-mail, device id or time of day; the text is erased after twelve months.',
        headers: IdempotencyHeadersSchema,
        body: FeedbackSchema,
        response: { 201: FeedbackAnswerSchema, ...errors },
      },
      config: { rateLimit: FEEDBACK_LIMIT },
    },
    async (request, reply) => {
      const input: FeedbackInput = request.body
      const now = app.now()
      const answer = await withIdempotency(db, { key: request.headers['idempotency-key'], route: 'feedback', body: input, now }, async (trx) => {
        const district = await feedbackDistrict(trx, input)
        const id = await insertFeedback(trx, {
          subject: input.subject,
          subjectId: input.subjectId,
          district,
          lang: input.lang,
          helped: input.helped,
          text: cleanText(input.text),
          submittedOn: berlinDay(now),
        })
        return { statusCode: 201, body: { id, status: 'received' } }
      })
      return reply.status(201).send(answer.body as { id: string; status: 'received' })
    },
  )
}
