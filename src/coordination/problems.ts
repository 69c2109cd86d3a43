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

/** Message key (locales/coordination/common.*.json) for a failed call. */
export function problemKey(error: unknown): string {
  const code = error instanceof ApiProblem ? error.error : 'internal'
  const known = ['offline', 'unauthenticated', 'forbidden', 'wrong_login', 'rate_limited', 'not_found', 'validation', 'conflict']
  return `coordination.problems.${known.includes(code) ? code : 'other'}`
}
