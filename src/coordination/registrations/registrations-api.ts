import type {
  Attendance,
  AttendanceAnswer,
  RegistrationDateDto,
  RegistrationListDto,
} from '../../shared/coordination/registrations.schema.ts'
import { coordinationApi, withQuery } from '../coordination-api.ts'

/** The registration lists' calls (server/coordination/registrations/registrations.routes.ts). */
export const registrationsApi = {
  dates: (district: string) => coordinationApi<RegistrationDateDto[]>(withQuery('/registrations/dates', { district })),
  list: (occurrenceId: string) => coordinationApi<RegistrationListDto>(`/registrations/dates/${encodeURIComponent(occurrenceId)}`),
  setAttendance: (id: string, attendance: Attendance) =>
    coordinationApi<AttendanceAnswer>(`/registrations/${id}/attendance`, { method: 'PUT', body: { attendance } }),
  cancel: (id: string) => coordinationApi<RegistrationListDto>(`/registrations/${id}/cancel`, { method: 'POST' }),
  cancelClient: (occurrenceId: string, client: string) =>
    coordinationApi<RegistrationListDto>(`/registrations/dates/${encodeURIComponent(occurrenceId)}/clients/${client}/cancel`, { method: 'POST' }),
  decideGuest: (id: string, approve: boolean) => coordinationApi<RegistrationListDto>(`/registrations/${id}/guest-decision`, { method: 'POST', body: { approve } }),
}
