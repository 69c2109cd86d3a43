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

/** One shape for every error: 4xx say what is wrong in `{error, message, fields}`; 5xx hide details. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { validation?: AjvError[]; apiCode?: string; fields?: Record<string, string> }, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500
    if (status >= 500) {
      request.log.error({ err }, 'request failed')
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
