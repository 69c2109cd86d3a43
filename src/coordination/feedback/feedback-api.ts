import type { FeedbackGroup, FeedbackMark } from '../../shared/feedback/feedback.schema.ts'
import { coordinationApi, withQuery } from '../coordination-api.ts'

/** Newcomers' feedback in the workspace (server/coordination/feedback/feedback.routes.ts). */
export const feedbackApi = {
  list: (district?: string) => coordinationApi<FeedbackGroup[]>(withQuery('/feedback', { district })),
  mark: (id: string, mark: FeedbackMark | null) => coordinationApi<void>(`/feedback/${id}/mark`, { method: 'PUT', body: { mark } }),
}

/** "No" answers per guide step over all districts the coordinator sees, for the content list. */
export function noCountsByStep(groups: readonly FeedbackGroup[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const g of groups) if (g.subject === 'step') counts.set(g.subjectId, (counts.get(g.subjectId) ?? 0) + g.no)
  return counts
}
