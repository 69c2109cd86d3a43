import type { ApiError } from '../shared/api-error.schema.ts'

/** A failed call: the server's `{error, message, fields}`, or `offline` when there was no answer at all. */
export class ApiProblem extends Error {
  readonly status: number
  readonly error: string
  readonly fields: Record<string, string>

  constructor(status: number, body: ApiError) {
    super(body.message)
    this.status = status
    this.error = body.error
    this.fields = body.fields
  }
}

/**
 * The coordinator workspace talks to the server directly (it needs a connection; the newcomer's
 * views never do). JSON in, JSON out; a 4xx/5xx becomes an ApiProblem with the server's error code.
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

/** Message key (locales/coordination/common.*.json) for a failed call. */
export function problemKey(error: unknown): string {
  const code = error instanceof ApiProblem ? error.error : 'internal'
  const known = ['offline', 'unauthenticated', 'forbidden', 'wrong_login', 'rate_limited', 'not_found', 'validation', 'conflict']
  return `coordination.problems.${known.includes(code) ? code : 'other'}`
}
