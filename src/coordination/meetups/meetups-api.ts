import type { EditorDetail, EditorListItem, MeetupEditorInput } from '../../shared/coordination/meetup-editor.schema.ts'
import { coordinationApi, withQuery } from '../coordination-api.ts'

/** The event editor's calls (server/coordination/meetups/meetups.routes.ts). */
export interface MeetupFilter {
  district?: string
  kind?: string
  period?: 'upcoming' | 'past'
}

export type DateAction = 'cancel' | 'restore' | 'move'

export const meetupsApi = {
  list: (filter: MeetupFilter = {}) =>
    coordinationApi<EditorListItem[]>(withQuery('/meetups', { ...filter, period: filter.period === 'past' ? 'past' : undefined })),
  get: (id: string) => coordinationApi<EditorDetail>(`/meetups/${id}`),
  create: (input: MeetupEditorInput) => coordinationApi<EditorDetail>('/meetups', { method: 'POST', body: input }),
  update: (id: string, input: MeetupEditorInput, revision: number) =>
    coordinationApi<EditorDetail>(`/meetups/${id}`, { method: 'PUT', body: { ...input, revision } }),
  cancel: (id: string) => coordinationApi<EditorDetail>(`/meetups/${id}/cancel`, { method: 'POST' }),
  restore: (id: string) => coordinationApi<EditorDetail>(`/meetups/${id}/restore`, { method: 'POST' }),
  changeDate: (id: string, original: string, action: DateAction, body?: { startsLocal: string }) =>
    coordinationApi<EditorDetail>(`/meetups/${id}/dates/${original}/${action}`, { method: 'POST', ...(body ? { body } : {}) }),
  /** Places for one date alone; null gives it the event's capacity again. */
  setDateCapacity: (id: string, original: string, capacity: number | null) =>
    coordinationApi<EditorDetail>(`/meetups/${id}/dates/${original}/capacity`, capacity === null ? { method: 'DELETE' } : { method: 'PUT', body: { capacity } }),
}
