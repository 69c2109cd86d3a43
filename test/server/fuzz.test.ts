import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { declaration, loginAs } from './coordination-fixtures.ts'
import { clientAddress, insertEventDate, registration, tandemOffer } from './volunteering-fixtures.ts'

/** The probe's hostile values (issue 18): NUL, lone surrogates, huge and odd numbers, overlong text, wrong types, CR/LF. */
const VALUES: unknown[] = ['\u0000', 'a\u0000b', '\ud800', 'x\udc00y', 'a\r\nb', 'x'.repeat(10_000), 1e308, -1e308, 'Infinity', '1e30', 1e30, -1, 1.5, true, null, {}, [], ['\u0000']]

interface Operation {
  parameters?: Array<{ in: string; name: string }>
  requestBody?: { content: Record<string, { schema: Schema }> }
}
interface Schema {
  type?: string
  properties?: Record<string, Schema>
  anyOf?: Schema[]
  enum?: unknown[]
  const?: unknown
}

/** A plain value of a schema's type: the body the hostile value is put into, field by field. */
function plain(schema: Schema | undefined): unknown {
  if (!schema) return 'x'
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return schema.enum[0]
  if (schema.anyOf) return plain(schema.anyOf[0])
  if (schema.type === 'object' || schema.properties) return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, plain(s)]))
  return { integer: 1, number: 1, boolean: true, array: [], null: null }[schema.type ?? ''] ?? 'x'
}

/** In an address: a lone surrogate as its UTF-8 bytes (encodeURIComponent refuses it), the rest as text. */
function inUrl(value: unknown): string {
  if (typeof value !== 'string') return encodeURIComponent(JSON.stringify(value) ?? '')
  return value.replace(/[\ud800-\udfff]/g, '\u0001').split('\u0001').map(encodeURIComponent).join('%ED%A0%80')
}

describe.each(DATABASES)('every route in the OpenAPI document with hostile values (%s)', (kind) => {
  it('never answers 5xx', async () => {
    const { app, db } = await buildTestApp(kind, { demoData: true })
    const cookie = await loginAs(app, db, { email: 'admin@example.org', role: 'admin' })
    const occurrenceId = await insertEventDate(db)
    // Valid bodies for the public write routes, so a hostile value in one field reaches the database.
    const bases: Record<string, Record<string, unknown>> = {
      'post /api/v1/registrations': registration(occurrenceId),
      'post /api/v1/tandems': tandemOffer(),
      'post /api/v1/partner-requests': declaration(),
    }
    const paths = (await app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Operation>> }>().paths
    let requests = 0
    let routes = 0
    let client = 0
    const failures: string[] = []
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        routes++
        const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
        const params = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name)
        const schema = operation.requestBody?.content['application/json']?.schema
        const base = bases[`${method} ${path}`] ?? (schema ? (plain(schema) as Record<string, unknown>) : undefined)
        for (const value of VALUES) {
          // One request with the value in every path parameter, one per query parameter, one per body field.
          const variants: Array<{ url: string; body?: unknown }> = []
          const url = path.replace(/\{(\w+)\}/g, () => inUrl(value))
          const plainUrl = path.replace(/\{(\w+)\}/g, 'x')
          if (params.length) variants.push({ url, body: base })
          for (const name of query) variants.push({ url: `${plainUrl}?${name}=${inUrl(value)}` })
          for (const field of Object.keys(base ?? {})) variants.push({ url: plainUrl, body: { ...base, [field]: value } })
          if (!variants.length) variants.push({ url: plainUrl, body: base })
          for (const variant of variants) {
            requests++
            const res = await app.inject({
              method: method.toUpperCase() as 'GET',
              url: variant.url,
              remoteAddress: clientAddress(++client),
              headers: {
                // Logging out would end the session the other routes use.
                ...(path.endsWith('/logout') ? {} : { cookie }),
                'idempotency-key': randomUUID(),
                ...(variant.body === undefined ? {} : { 'content-type': 'application/json' }),
              },
              ...(variant.body === undefined ? {} : { payload: JSON.stringify(variant.body) }),
            })
            if (res.statusCode >= 500) failures.push(`${res.statusCode} ${method.toUpperCase()} ${variant.url.slice(0, 120)} ${JSON.stringify(variant.body)?.slice(0, 200)}`)
          }
        }
      }
    }
    console.log(`fuzz on ${kind}: ${routes} routes × ${VALUES.length} values = ${requests} requests, ${failures.length} × 5xx`)
    expect(failures).toEqual([])
  }, 900_000)
})
