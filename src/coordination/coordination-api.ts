import type { ApiError } from '../shared/api-error.schema.ts'
import { ApiProblem } from './problems.ts'

/**
 * The coordinator workspace talks to the server directly (it needs a connection; the newcomer's
 * views never do). JSON in, JSON out; a 4xx/5xx becomes an ApiProblem with the server's error code.
 * Only the typed API module of each feature (`<feature>-api.ts`) calls it; components use those.
 */
export async function coordinationApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api/v1/coordination${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? null : JSON.stringify(init.body),
    })
  } catch {
    throw new ApiProblem(0, { error: 'offline', message: 'No connection', fields: {} })
  }
  if (response.status === 204) return undefined as T
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const problem = body as Partial<ApiError> | undefined
    throw new ApiProblem(response.status, {
      error: problem?.error ?? 'internal',
      message: problem?.message ?? response.statusText,
      fields: problem?.fields ?? {},
    })
  }
  return body as T
}

/** A path with the given query parameters; empty and undefined ones are left out. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value))
  const text = search.toString()
  return text ? `${path}?${text}` : path
}
