import type { Match, OpenEntries, Suggestion } from '../../shared/coordination/tandem-match.schema.ts'
import { coordinationApi, withQuery } from '../coordination-api.ts'
import { ApiProblem, problemKey } from '../problems.ts'

/** The tandem matching calls of the coordinator workspace (server/coordination/tandems). */
export const tandemsApi = {
  open: (district: string) => coordinationApi<OpenEntries>(withQuery('/tandems', { district })),
  suggestions: (requestId: string) => coordinationApi<Suggestion[]>(`/tandems/requests/${requestId}/suggestions`),
  matches: (district: string, status: string) => coordinationApi<Match[]>(withQuery('/tandems/matches', { district, status })),
  propose: (offerId: string, requestId: string) => coordinationApi<Match>('/tandems/matches', { method: 'POST', body: { offerId, requestId } }),
  close: (matchId: string, verb: 'end' | 'withdraw') => coordinationApi<Match>(`/tandems/matches/${matchId}/${verb}`, { method: 'POST' }),
}

const OWN_CODES = ['already_matched', 'not_open', 'not_active', 'not_proposed']

/** Message key for a failed call: this section's own conflicts, else the workspace's common ones. */
export function tandemProblemKey(error: unknown): string {
  if (error instanceof ApiProblem && OWN_CODES.includes(error.error)) return `coordinationTandems.problems.${error.error}`
  return problemKey(error)
}
