import type { FastifyInstance } from 'fastify'
import { Problem } from '../errors/problem.ts'

/** A NUL character (PostgreSQL cannot store it) or half of a surrogate pair (not text at all). */
const BAD_TEXT = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** The path (`a.b.0`) of the first string or key holding such a character, or undefined when there is none. */
export function badTextPath(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return BAD_TEXT.test(value) ? path.join('.') : undefined
  if (value === null || typeof value !== 'object') return undefined
  for (const [key, item] of Object.entries(value)) {
    if (BAD_TEXT.test(key)) return [...path, key].join('.')
    const found = badTextPath(item, [...path, key])
    if (found !== undefined) return found
  }
  return undefined
}

/** Refuses text no database can keep with a 400 naming the field, instead of a failed write. */
export function refuseBadText(value: unknown): Problem | undefined {
  const path = badTextPath(value)
  if (path === undefined) return undefined
  return new Problem(400, 'bad_text', 'Text may not contain NUL characters or unpaired surrogates.', { [path || '_']: 'errors.invalid' })
}

/** Every route: the same rule for the address's parameters and query as for JSON bodies. */
export function registerTextRules(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problem = refuseBadText({ ...(request.params as object), ...(request.query as object) })
    if (problem) throw problem
  })
}
