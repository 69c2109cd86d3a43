import type { FastifyInstance } from 'fastify'
import { Problem } from '../errors/problem.ts'
import { refuseBadText } from './text-rules.ts'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * JSON bodies, and only JSON, for the submission routes: bytes that are not UTF-8 are refused instead of silently
 * turned into U+FFFD, and `__proto__` keys and text with NUL characters or unpaired surrogates are refused. Registered inside the volunteering and coordination plugins.
 */
export function useStrictJson(app: FastifyInstance): void {
  // Submissions are JSON only; any other type is a 415.
  app.removeContentTypeParser(['application/json', 'text/plain'])
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    let text: string
    try {
      text = utf8.decode(body)
    } catch {
      return done(new Problem(400, 'bad_encoding', 'The body is not valid UTF-8.'), undefined)
    }
    if (text.trim() === '') return done(new Problem(400, 'bad_json', 'The body is empty.'), undefined)
    try {
      const value: unknown = JSON.parse(text, (key, v: unknown) => {
        if (key === '__proto__') throw new SyntaxError('__proto__ is not allowed')
        return v
      })
      const problem = refuseBadText(value)
      if (problem) return done(problem, undefined)
      done(null, value)
    } catch (err) {
      done(new Problem(400, 'bad_json', `The body is not valid JSON: ${(err as Error).message}`), undefined)
    }
  })
}
