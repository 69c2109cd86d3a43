import { Type, type Static } from 'typebox'
import { literals } from '../fields.schema.ts'
import { ManageTokenSchema } from './fields.schema.ts'
import { MatchViewSchema } from '../coordination/tandem-match.schema.ts'

export const ManageParamsSchema = Type.Object({ token: ManageTokenSchema }, { additionalProperties: false })
export const ManageQuerySchema = Type.Object({ format: Type.Optional(literals(['json'] as const)) }, { additionalProperties: false })

/**
 * `date_cancelled`: a registration whose date was cancelled by the coordination office; `requested`: a
 * guest's registration waiting for the coordinator's approval; `declined`: that request declined.
 */
export const ENTRY_STATUSES = ['confirmed', 'waitlisted', 'received', 'cancelled', 'erased', 'date_cancelled', 'requested', 'declined'] as const

/** What a manage token shows: the entry, its status, and (until erased) everything personal stored about it. */
export const ManagedEntrySchema = Type.Object({
  type: literals(['tandem', 'registration'] as const),
  id: Type.String({ format: 'uuid' }),
  status: literals(ENTRY_STATUSES),
  createdAt: Type.String({ format: 'date-time' }),
  erasedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** The language the entry was sent in; the manage-link page opens in it on a phone with no language chosen. */
  locale: Type.Union([Type.String(), Type.Null()]),
  /** Non-personal facts: role and kind of a tandem; the date, its event (title, start, place) and working group of a registration. */
  about: Type.Record(Type.String(), Type.Unknown()),
  /** Personal data as stored; null once erased. */
  personal: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  consents: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  /** A tandem entry's match proposed by a coordinator (the open one, else the latest); absent for registrations. */
  match: Type.Optional(Type.Union([MatchViewSchema, Type.Null()])),
})
export type ManagedEntry = Static<typeof ManagedEntrySchema>
