import type { NoteInput, StepDetail, StepDraft, StepListItem, TranslationImportResult } from '../../shared/guide/content-editor.schema.ts'
import type { ContactInput, EditableContact } from '../../shared/contacts/contact-editor.schema.ts'
import { coordinationApi, withQuery } from '../coordination-api.ts'

/** The content workspace's calls (server/coordination/content/content.routes.ts). */
export const contentApi = {
  steps: () => coordinationApi<StepListItem[]>('/content/steps'),
  step: (id: string) => coordinationApi<StepDetail>(`/content/steps/${id}`),
  createStep: (id: string, district: string | null, draft: StepDraft) =>
    coordinationApi<StepDetail>('/content/steps', { method: 'POST', body: { id, district, draft } }),
  saveDraft: (id: string, revision: number, draft: StepDraft) =>
    coordinationApi<StepDetail>(`/content/steps/${id}/draft`, { method: 'PUT', body: { revision, draft } }),
  discard: (id: string, revision: number) => coordinationApi<StepDetail>(`/content/steps/${id}/discard`, { method: 'POST', body: { revision } }),
  publish: (id: string, revision: number) => coordinationApi<StepDetail>(`/content/steps/${id}/publish`, { method: 'POST', body: { revision } }),
  saveNote: (id: string, district: string, input: NoteInput) =>
    coordinationApi<StepDetail>(`/content/steps/${id}/notes/${district}`, { method: 'PUT', body: input }),
  deleteNote: (id: string, district: string) => coordinationApi<StepDetail>(`/content/steps/${id}/notes/${district}`, { method: 'DELETE' }),
  contacts: (district?: string) => coordinationApi<EditableContact[]>(withQuery('/content/contacts', { district })),
  createContact: (input: ContactInput) => coordinationApi<EditableContact>('/content/contacts', { method: 'POST', body: input }),
  updateContact: (id: string, revision: number, input: ContactInput) =>
    coordinationApi<EditableContact>(`/content/contacts/${id}`, { method: 'PUT', body: { ...input, revision } }),
  /** A plain link downloads the file (same-origin GET with the session cookie). */
  exportUrl: (lang: string, onlyOpen: boolean) => `/api/v1/coordination/content/translations/${lang}${onlyOpen ? '?only=open' : ''}`,
  importTranslations: (lang: string, po: string) =>
    coordinationApi<TranslationImportResult>(`/content/translations/${lang}`, { method: 'POST', body: { po } }),
  retireContact: (id: string) => coordinationApi<void>(`/content/contacts/${id}`, { method: 'DELETE' }),
}
