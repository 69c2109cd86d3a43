import type {
  MeetingAttendanceDto,
  MeetingDto,
  PartnerDetailDto,
  PartnerDto,
  PartnerInput,
  PartnerRequestDecision,
  PartnerRequestItem,
} from '../../shared/coordination/partner.schema.ts'
import { coordinationApi, withQuery } from '../coordination-api.ts'

/** The partner directory's calls (server/coordination/partners/partners.routes.ts). */
export interface PartnerFilter {
  district?: string
  workingGroup?: string
  flagged?: boolean
}

export const partnersApi = {
  list: (filter: PartnerFilter = {}) => coordinationApi<PartnerDto[]>(withQuery('/partners', { ...filter })),
  get: (id: string) => coordinationApi<PartnerDetailDto>(`/partners/${id}`),
  create: (input: PartnerInput) => coordinationApi<PartnerDetailDto>('/partners', { method: 'POST', body: input }),
  update: (id: string, input: PartnerInput) => coordinationApi<PartnerDetailDto>(`/partners/${id}`, { method: 'PUT', body: input }),
  remove: (id: string) => coordinationApi<void>(`/partners/${id}`, { method: 'DELETE' }),
  requests: (status: PartnerRequestItem['status'] = 'open') => coordinationApi<PartnerRequestItem[]>(withQuery('/partner-requests', { status })),
  apply: (id: string, partnerId?: string) =>
    coordinationApi<PartnerRequestDecision>(`/partner-requests/${id}/apply`, { method: 'POST', body: partnerId ? { partnerId } : {} }),
  reject: (id: string, why: { reason: string; note: string }) =>
    coordinationApi<PartnerRequestItem>(`/partner-requests/${id}/reject`, { method: 'POST', body: { reason: why.reason, ...(why.note.trim() ? { note: why.note.trim() } : {}) } }),
  meetings: () => coordinationApi<MeetingDto[]>('/partner-meetings'),
  attendance: (occurrenceId: string) => coordinationApi<MeetingAttendanceDto>(`/partner-meetings/${encodeURIComponent(occurrenceId)}`),
  setAttendance: (occurrenceId: string, partnerIds: string[]) =>
    coordinationApi<MeetingAttendanceDto>(`/partner-meetings/${encodeURIComponent(occurrenceId)}/attendance`, { method: 'PUT', body: { partnerIds } }),
}
