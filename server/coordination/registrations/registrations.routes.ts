import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../../db/schema.ts'
import { ApiErrorSchema } from '../../../src/shared/api-error.schema.ts'
import {
  AttendanceAnswerSchema,
  AttendanceInputSchema,
  ClientParamsSchema,
  CsvQuerySchema,
  GuestDecisionSchema,
  OccurrenceParamsSchema,
  RegistrationDateSchema,
  RegistrationDatesQuerySchema,
  RegistrationListSchema,
  RegistrationParamsSchema,
} from '../../../src/shared/coordination/registrations.schema.ts'
import { coordinatorOf, districtScope } from '../auth/coordinator-auth.ts'
import { cancelClientEntries, cancelOnBehalf, decideGuestRequest, listRegistrationDates, readRegistrationList, setAttendance } from './registrations.service.ts'
import { registrationsCsv } from './registrations-csv.ts'

const tags = ['coordination']
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema }

/**
 * Registrations in the coordinator workspace: the dates that take them with their counts, one date's
 * list, attendance, cancelling on someone's behalf, and the list as CSV. Every route checks the
 * coordinator's districts (an admin works for all). Registered inside the authenticated scope.
 */
export const coordinationRegistrationsRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/v1/coordination/registrations/dates',
    {
      schema: {
        summary: 'Dates that take registrations (upcoming and the last 90 days), with capacity and counts',
        tags,
        querystring: RegistrationDatesQuerySchema,
        response: { 200: Type.Array(RegistrationDateSchema), ...errors },
      },
    },
    async (request, reply) => {
      const scope = districtScope(coordinatorOf(request), request.query.district)
      reply.header('cache-control', 'no-store')
      return listRegistrationDates(db, scope, app.now())
    },
  )

  app.get(
    '/api/v1/coordination/registrations/dates/:occurrenceId',
    {
      schema: {
        summary: 'One date and its registrations (erased entries without personal data)',
        tags,
        params: OccurrenceParamsSchema,
        response: { 200: RegistrationListSchema, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return readRegistrationList(db, coordinatorOf(request), request.params.occurrenceId)
    },
  )

  app.get(
    '/api/v1/coordination/registrations/dates/:occurrenceId/csv',
    {
      schema: {
        summary: 'One date’s registrations as CSV (UTF-8 with BOM, CRLF, `;` by default), header in `lang`',
        tags,
        params: OccurrenceParamsSchema,
        querystring: CsvQuerySchema,
        produces: ['text/csv'],
        response: {
          200: { description: 'The CSV file', content: { 'text/csv': { schema: Type.String() } } },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const list = await readRegistrationList(db, coordinatorOf(request), request.params.occurrenceId)
      const file = registrationsCsv(list, request.query.separator ?? 'semicolon', request.query.lang ?? 'de')
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', file.contentDisposition)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.body)
    },
  )

  app.put(
    '/api/v1/coordination/registrations/:id/attendance',
    {
      schema: {
        summary: 'Mark whether a registered person came: yes, no, or unknown again',
        tags,
        params: RegistrationParamsSchema,
        body: AttendanceInputSchema,
        response: { 200: AttendanceAnswerSchema, ...errors, 409: ApiErrorSchema, 415: ApiErrorSchema },
      },
    },
    async (request) => {
      const attendance = await setAttendance(db, coordinatorOf(request), request.params.id, request.body.attendance)
      return { id: request.params.id, attendance }
    },
  )

  app.post(
    '/api/v1/coordination/registrations/:id/cancel',
    {
      schema: {
        summary: 'Cancel a registration on the person’s behalf (erases their data; the first on the waiting list moves up)',
        tags,
        params: RegistrationParamsSchema,
        response: { 200: RegistrationListSchema, ...errors },
      },
    },
    async (request) => cancelOnBehalf(db, coordinatorOf(request), request.params.id, app.now()),
  )

  app.post(
    '/api/v1/coordination/registrations/dates/:occurrenceId/clients/:client/cancel',
    {
      schema: {
        summary: 'Remove every live entry one client made for this date (bulk entries); the waiting list moves up',
        tags,
        params: ClientParamsSchema,
        response: { 200: RegistrationListSchema, ...errors },
      },
    },
    async (request) => cancelClientEntries(db, coordinatorOf(request), request.params.occurrenceId, request.params.client, app.now()),
  )

  app.post(
    '/api/v1/coordination/registrations/:id/guest-decision',
    {
      schema: {
        summary: 'Approve (the guest takes a place) or decline (data erased) a guest’s requested registration',
        tags,
        params: RegistrationParamsSchema,
        body: GuestDecisionSchema,
        response: { 200: RegistrationListSchema, ...errors, 409: ApiErrorSchema, 415: ApiErrorSchema },
      },
    },
    async (request) => decideGuestRequest(db, coordinatorOf(request), request.params.id, request.body.approve, app.now()),
  )
}
