import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify'
import type { ApiError } from '../../src/shared/api-error.schema.ts'

/** Errors Node's HTTP parser answers before Fastify sees a request. */
const PARSER_ERRORS: Record<string, { status: number; body: ApiError }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, body: { error: 'request_timeout', message: 'The request took too long to arrive.', fields: {} } },
  HPE_HEADER_OVERFLOW: { status: 431, body: { error: 'headers_too_large', message: 'The request headers are too large.', fields: {} } },
}
const BAD_REQUEST = { status: 400, body: { error: 'bad_request', message: 'The request could not be read.', fields: {} } satisfies ApiError }

/** Router-level and parser-level errors in the `{error, message, fields}` shape of every other answer. */
export const clientErrorOptions: Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> = {
  frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
    const status = error.statusCode ?? 400
    const body: ApiError =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? { error: 'uri_too_long', message: 'A part of the address is too long.', fields: {} }
        : { error: 'bad_url', message: 'The address is not valid.', fields: {} }
    void reply.status(status).send(body)
  },
  clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket) {
    // A reset connection is gone; there is no one to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return
    const { status, body } = PARSER_ERRORS[error.code ?? ''] ?? BAD_REQUEST
    if (socket.writable) {
      const text = JSON.stringify(body)
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
          `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
      )
    }
    socket.destroy()
  },
}
