import type { FastifyError, FastifyInstance } from 'fastify'
import type { ApiError } from '../../src/shared/api-error.schema.ts'
import { errorCode } from '../../src/shared/validate.ts'

interface AjvError {
  instancePath: string
  keyword: string
  params: Record<string, unknown>
}

/** Names the offending field of each validation error, with the message key the forms use (errors.*). */
function fieldsOf(validation: AjvError[] | undefined): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const v of validation ?? []) {
    const extra = v.params.missingProperty ?? v.params.additionalProperty
    const path = [v.instancePath.replace(/^\//, '').replaceAll('/', '.'), extra].filter(Boolean).join('.')
    fields[path || '_'] ??= errorCode(v.keyword, path, v.params)
  }
  return fields
}

const CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_INVALID_CHARSET: 'unsupported_media_type',
}

/** The parts of a PostgreSQL (or PGlite) error that name no submitted value. */
function databaseError(err: unknown): { code: string; routine?: string; table?: string; column?: string; constraint?: string } | undefined {
  const e = err as Record<string, unknown>
  if (typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code) || typeof e.severity !== 'string') return undefined
  const named = (key: string) => (typeof e[key] === 'string' ? { [key]: e[key] } : {})
  return { code: e.code, ...named('routine'), ...named('table'), ...named('column'), ...named('constraint') }
}

/** One shape for every error: 4xx say what is wrong in `{error, message, fields}`; 5xx hide details. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { validation?: AjvError[]; apiCode?: string; fields?: Record<string, string> }, request, reply) => {
    const database = databaseError(err)
    // A value the database cannot take (a number out of range, bad text) is the client's mistake, not the server's.
    if (database?.code.startsWith('22')) {
      request.log.warn({ database }, 'value refused by the database')
      const body: ApiError = { error: 'bad_request', message: 'A value is out of range or not valid.', fields: {} }
      return reply.status(400).send(body)
    }
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500
    if (status >= 500) {
      // A database error's message and detail quote the submitted values: only its code and names are logged.
      if (database) request.log.error({ database }, 'request failed in the database')
      else request.log.error({ err }, 'request failed')
      const body: ApiError = { error: 'internal', message: 'Something went wrong on the server.', fields: {} }
      return reply.status(500).send(body)
    }
    const body: ApiError = err.validation
      ? { error: 'validation', message: err.message, fields: fieldsOf(err.validation) }
      : { error: err.apiCode ?? CODES[err.code] ?? 'bad_request', message: err.message, fields: err.fields ?? {} }
    return reply.status(status).send(body)
  })
}

export function apiNotFound(url: string): ApiError {
  return { error: 'not_found', message: `No API route at ${url.split('?')[0]}`, fields: {} }
}
