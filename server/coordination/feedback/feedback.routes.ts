import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../../db/schema.ts'
import { ApiErrorSchema } from '../../../src/shared/api-error.schema.ts'
import { FeedbackGroupSchema, FeedbackIdParamsSchema, FeedbackListQuerySchema, FeedbackMarkSchema } from '../../../src/shared/feedback/feedback.schema.ts'
import { coordinatorOf } from '../auth/coordinator-auth.ts'
import { listFeedback, markFeedback } from './feedback.service.ts'

const tags = ['coordination']
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema }

/** Newcomers' feedback in the workspace: per district and step or meetup, with marks. Inside the authenticated scope. */
export const coordinationFeedbackRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/v1/coordination/feedback',
    {
      schema: {
        summary: 'Feedback on steps and meetups in my districts: yes/no per month and the written answers, newest first',
        tags,
        querystring: FeedbackListQuerySchema,
        response: { 200: Type.Array(FeedbackGroupSchema), ...errors },
      },
    },
    async (request) => listFeedback(db, coordinatorOf(request), request.query.district),
  )

  app.put(
    '/api/v1/coordination/feedback/:id/mark',
    {
      schema: {
        summary: 'Mark a written answer "done" or "not relevant" (null removes the mark)',
        tags,
        params: FeedbackIdParamsSchema,
        body: FeedbackMarkSchema,
        response: { 204: Type.Null(), ...errors, 415: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      await markFeedback(db, coordinatorOf(request), request.params.id, request.body.mark)
      return reply.status(204).send(null)
    },
  )
}
