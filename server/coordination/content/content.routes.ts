import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../../db/schema.ts'
import { ApiErrorSchema } from '../../../src/shared/api-error.schema.ts'
import {
  NewStepSchema,
  NoteInputSchema,
  NoteParamsSchema,
  RevisionSchema,
  SaveDraftSchema,
  StepDetailSchema,
  StepIdParamsSchema,
  StepListItemSchema,
  TranslationExportQuerySchema,
  TranslationImportResultSchema,
  TranslationImportSchema,
  TranslationParamsSchema,
} from '../../../src/shared/guide/content-editor.schema.ts'
import {
  ContactIdParamsSchema,
  ContactInputSchema,
  ContactListQuerySchema,
  ContactUpdateSchema,
  EditableContactSchema,
} from '../../../src/shared/contacts/contact-editor.schema.ts'
import { coordinatorOf, districtScope } from '../auth/coordinator-auth.ts'
import { createStep, discardDraft, listSteps, publishStep, readStepDetail, saveDraft } from './steps.service.ts'
import { deleteNote, saveNote } from './notes.service.ts'
import { exportPo, importPo } from './translations-po.ts'
import { createContact, listContacts, readContact, retireContact, updateContact } from './contacts.service.ts'

const tags = ['coordination']
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema }
const changeErrors = { ...errors, 409: ApiErrorSchema, 415: ApiErrorSchema }
const BASE = '/api/v1/coordination/content'

/**
 * The content workspace: guide steps (statewide ones by admins, district-only ones by their
 * districts), drafts and publishing, districts' local notes, and the districts' contacts. Every change
 * is audited; published content reaches phones by the delta sync. Registered inside the authenticated scope.
 */
export const coordinationContentRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  const detailSchema = { 200: StepDetailSchema, ...changeErrors }

  app.get(`${BASE}/steps`, { schema: { summary: 'Guide steps the coordinator may see, with translation status per language', tags, response: { 200: Type.Array(StepListItemSchema), ...errors } } }, async (request) =>
    listSteps(db, coordinatorOf(request)),
  )

  app.post(
    `${BASE}/steps`,
    { schema: { summary: 'Create a step (a draft until published); statewide: admins only', tags, body: NewStepSchema, response: { 201: StepDetailSchema, ...changeErrors } } },
    async (request, reply) => {
      const coordinator = coordinatorOf(request)
      await createStep(db, coordinator, request.body.id, request.body.district, request.body.draft)
      return reply.status(201).send(await readStepDetail(db, coordinator, request.body.id))
    },
  )

  app.get(`${BASE}/steps/:id`, { schema: { summary: 'One step: what phones see, the draft and local notes', tags, params: StepIdParamsSchema, response: { 200: StepDetailSchema, ...errors } } }, async (request) =>
    readStepDetail(db, coordinatorOf(request), request.params.id),
  )

  app.put(
    `${BASE}/steps/:id/draft`,
    { schema: { summary: 'Save the draft of a step; refused when someone saved in between', tags, params: StepIdParamsSchema, body: SaveDraftSchema, response: detailSchema } },
    async (request) => {
      const coordinator = coordinatorOf(request)
      await saveDraft(db, coordinator, request.params.id, request.body.revision, request.body.draft)
      return readStepDetail(db, coordinator, request.params.id)
    },
  )

  app.post(
    `${BASE}/steps/:id/discard`,
    { schema: { summary: 'Throw the draft away', tags, params: StepIdParamsSchema, body: RevisionSchema, response: detailSchema } },
    async (request) => {
      const coordinator = coordinatorOf(request)
      await discardDraft(db, coordinator, request.params.id, request.body.revision)
      return readStepDetail(db, coordinator, request.params.id)
    },
  )

  app.post(
    `${BASE}/steps/:id/publish`,
    { schema: { summary: 'Publish the draft: phones get it at their next sync', tags, params: StepIdParamsSchema, body: RevisionSchema, response: detailSchema } },
    async (request) => {
      const coordinator = coordinatorOf(request)
      await publishStep(db, coordinator, request.params.id, request.body.revision)
      return readStepDetail(db, coordinator, request.params.id)
    },
  )

  app.put(
    `${BASE}/steps/:id/notes/:district`,
    { schema: { summary: 'Write the district’s local note on a step (published at once)', tags, params: NoteParamsSchema, body: NoteInputSchema, response: detailSchema } },
    async (request) => {
      const coordinator = coordinatorOf(request)
      await saveNote(db, coordinator, request.params.id, request.params.district, request.body)
      return readStepDetail(db, coordinator, request.params.id)
    },
  )

  app.delete(
    `${BASE}/steps/:id/notes/:district`,
    { schema: { summary: 'Remove the district’s local note', tags, params: NoteParamsSchema, response: detailSchema } },
    async (request) => {
      const coordinator = coordinatorOf(request)
      await deleteNote(db, coordinator, request.params.id, request.params.district)
      return readStepDetail(db, coordinator, request.params.id)
    },
  )

  app.get(
    `${BASE}/contacts`,
    { schema: { summary: 'Contacts of the coordinator’s districts', tags, querystring: ContactListQuerySchema, response: { 200: Type.Array(EditableContactSchema), ...errors } } },
    async (request) => listContacts(db, districtScope(coordinatorOf(request), request.query.district)),
  )

  app.post(
    `${BASE}/contacts`,
    { schema: { summary: 'Add a contact to a district’s directory', tags, body: ContactInputSchema, response: { 201: EditableContactSchema, ...changeErrors } } },
    async (request, reply) => {
      const coordinator = coordinatorOf(request)
      const id = await createContact(db, coordinator, request.body)
      return reply.status(201).send(await readContact(db, coordinator, id))
    },
  )

  app.get(`${BASE}/contacts/:id`, { schema: { summary: 'One contact', tags, params: ContactIdParamsSchema, response: { 200: EditableContactSchema, ...errors } } }, async (request) =>
    readContact(db, coordinatorOf(request), request.params.id),
  )

  app.put(
    `${BASE}/contacts/:id`,
    { schema: { summary: 'Change a contact; refused when someone saved in between', tags, params: ContactIdParamsSchema, body: ContactUpdateSchema, response: { 200: EditableContactSchema, ...changeErrors } } },
    async (request) => {
      const coordinator = coordinatorOf(request)
      const { revision, ...input } = request.body
      await updateContact(db, coordinator, request.params.id, revision, input)
      return readContact(db, coordinator, request.params.id)
    },
  )

  app.delete(
    `${BASE}/contacts/:id`,
    { schema: { summary: 'Retire a contact: removed from the directory and from phones', tags, params: ContactIdParamsSchema, response: { 204: Type.Null(), ...changeErrors } } },
    async (request, reply) => {
      await retireContact(db, coordinatorOf(request), request.params.id)
      return reply.status(204).send(null)
    },
  )

  app.get(
    `${BASE}/translations/:lang`,
    {
      schema: {
        summary: 'The guide texts of one language as a gettext PO file (all, or only=open: missing, machine and outdated)',
        tags,
        params: TranslationParamsSchema,
        querystring: TranslationExportQuerySchema,
        response: errors,
      },
    },
    async (request, reply) => {
      const { lang } = request.params
      const file = await exportPo(db, coordinatorOf(request), lang, request.query.only === 'open')
      return reply
        .header('content-type', 'text/x-gettext-translation; charset=utf-8')
        .header('content-disposition', `attachment; filename="willkommen-guide-${lang}.po"`)
        .header('cache-control', 'no-store')
        // A file, not JSON: the 200 answer has no JSON schema, so the typed reply does not know it.
        .send(file as never)
    },
  )

  app.post(
    `${BASE}/translations/:lang`,
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        summary: 'Take a translated PO file back; refused, naming the units, when its German no longer matches',
        tags,
        params: TranslationParamsSchema,
        body: TranslationImportSchema,
        response: { 200: TranslationImportResultSchema, ...changeErrors },
      },
    },
    async (request) => importPo(db, coordinatorOf(request), request.params.lang, request.body.po),
  )
}
