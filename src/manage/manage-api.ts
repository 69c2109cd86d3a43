import type { ManagedEntry } from '../shared/volunteering/manage.schema.ts'
import type { MatchView } from '../shared/coordination/tandem-match.schema.ts'

/**
 * The manage link's calls to the server. The link works on any device, also one that never sent the
 * entry, so these read and change the server's copy directly; without a connection they say `offline`.
 */
/** What a page behind a mailed link read from the server (manage link, a declaration's status link). */
export type LinkLoad<T> = { kind: 'ok'; value: T } | { kind: 'unknown' | 'offline' | 'failed' }
export type MatchAnswer = { kind: 'ok'; view: MatchView } | { kind: 'stale' | 'offline' | 'failed' }

const base = (token: string) => `/api/v1/manage/${token}`
const asJson = { accept: 'application/json' }

/** A call to the server for a page behind a personal link; `offline` without a connection. */
export async function call(url: string, init: RequestInit = {}): Promise<Response | 'offline'> {
  if (!navigator.onLine) return 'offline'
  try {
    return await fetch(url, { ...init, headers: { ...asJson, ...init.headers } })
  } catch {
    return 'offline'
  }
}

/** Reads what a link's token opens; an unknown or malformed token is `unknown`, no connection `offline`. */
export async function loadByLink<T>(url: string): Promise<LinkLoad<T>> {
  const response = await call(url)
  if (response === 'offline') return { kind: 'offline' }
  if (response.status === 404 || response.status === 400) return { kind: 'unknown' }
  if (!response.ok) return { kind: 'failed' }
  return { kind: 'ok', value: (await response.json()) as T }
}

export const loadEntry = (token: string): Promise<LinkLoad<ManagedEntry>> => loadByLink<ManagedEntry>(base(token))

/** Withdraws the entry and erases what the person gave (repeatable). */
export async function withdrawEntry(token: string): Promise<'ok' | 'offline' | 'failed'> {
  const response = await call(base(token), { method: 'DELETE' })
  if (response === 'offline') return 'offline'
  return response.ok || response.status === 404 ? 'ok' : 'failed'
}

/** Accepts or declines a proposed tandem match; `stale` when the proposal changed meanwhile. */
export async function answerMatch(token: string, answer: 'accept' | 'decline'): Promise<MatchAnswer> {
  const response = await call(`${base(token)}/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answer }) })
  if (response === 'offline') return { kind: 'offline' }
  if (response.ok) return { kind: 'ok', view: (await response.json()) as MatchView }
  return { kind: response.status === 409 || response.status === 404 ? 'stale' : 'failed' }
}

/** The link's address, for the phone that keeps it to show, copy or share. */
export const manageUrl = (token: string, origin = location.origin) => `${origin}/manage/${token}`
export const exportUrl = (token: string) => `${base(token)}?format=json`
