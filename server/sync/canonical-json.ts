/**
 * JSON with object keys sorted at every level, so the same content always gives the same text:
 * PostgreSQL's jsonb reorders keys (guide content is compared with its file in this form) and a
 * replayed submission may list its fields in another order (idempotency hashes it in this form).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}
