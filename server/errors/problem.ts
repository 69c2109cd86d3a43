/** A 4xx with a stable code and per-field message keys; the error handler turns it into `{error, message, fields}`. */
export class Problem extends Error {
  readonly statusCode: number
  readonly apiCode: string
  readonly fields: Record<string, string>

  constructor(statusCode: number, apiCode: string, message: string, fields: Record<string, string> = {}) {
    super(message)
    this.statusCode = statusCode
    this.apiCode = apiCode
    this.fields = fields
  }
}
