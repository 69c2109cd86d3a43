/**
 * A small validator for the JSON Schemas in src/shared, so a form rejects exactly what
 * the server rejects, with the same message key, without shipping ajv to the phone. It knows the
 * keywords those schemas use; errorCode() is also used by the server's error handler.
 */

/** Field path (`name`, `languages.0.level`) → message key (`errors.required`). */
export type FieldErrors = Record<string, string>

type Schema = {
  type?: string
  const?: unknown
  enum?: unknown[]
  anyOf?: Schema[]
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean
  items?: Schema
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
}

/** The message key for a failed JSON Schema keyword (the ajv keyword names) at a field path. */
export function errorCode(keyword: string, field: string, params: { limit?: unknown } = {}): string {
  const last = field.split('.').pop()
  switch (keyword) {
    case 'required':
      return 'errors.required'
    case 'minLength':
      return params.limit === 1 ? 'errors.required' : 'errors.tooShort'
    case 'maxLength':
    case 'maxItems':
      return 'errors.tooLong'
    case 'pattern':
    case 'format':
      if (last === 'email') return 'errors.email.invalid'
      if (last === 'phone') return 'errors.phone.invalid'
      return 'errors.invalid'
    case 'additionalProperties':
      return 'errors.unknownField'
    default:
      return 'errors.invalid'
  }
}

const patterns = new Map<string, RegExp>()
function regex(pattern: string): RegExp {
  let r = patterns.get(pattern)
  if (!r) patterns.set(pattern, (r = new RegExp(pattern, 'u')))
  return r
}

function typeOk(type: string | undefined, value: unknown): boolean {
  switch (type) {
    case undefined:
      return true
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'array':
      return Array.isArray(value)
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'null':
      return value === null
    default:
      return typeof value === type
  }
}

/** First failed keyword of `value` against `schema`, or undefined; nested fields report into `errors`. */
function check(schema: Schema, value: unknown, path: string, errors: FieldErrors): string | undefined {
  if (schema.anyOf) {
    return schema.anyOf.some((s) => check(s, value, path, {}) === undefined) ? undefined : 'anyOf'
  }
  if (!typeOk(schema.type, value)) return 'type'
  if ('const' in schema && value !== schema.const) return 'const'
  if (schema.enum && !schema.enum.includes(value)) return 'enum'
  if (typeof value === 'string') {
    const length = [...value].length // code points, as ajv counts them
    if (schema.minLength !== undefined && length < schema.minLength) return 'minLength'
    if (schema.maxLength !== undefined && length > schema.maxLength) return 'maxLength'
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) return 'pattern'
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return 'minimum'
    if (schema.maximum !== undefined && value > schema.maximum) return 'maximum'
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return 'minItems'
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return 'maxItems'
    if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) return 'uniqueItems'
    if (schema.items) value.forEach((item, i) => report(schema.items!, item, join(path, String(i)), errors))
  }
  if (schema.type === 'object') {
    const object = value as Record<string, unknown>
    for (const key of schema.required ?? []) {
      if (!(key in object)) errors[join(path, key)] ??= errorCode('required', join(path, key))
    }
    for (const [key, v] of Object.entries(object)) {
      const child = schema.properties?.[key]
      if (child) report(child, v, join(path, key), errors)
      else if (schema.additionalProperties === false) errors[join(path, key)] ??= errorCode('additionalProperties', join(path, key))
    }
  }
  return undefined
}

function report(schema: Schema, value: unknown, path: string, errors: FieldErrors): void {
  const keyword = check(schema, value, path, errors)
  if (keyword) errors[path || '_'] ??= errorCode(keyword, path, { limit: schema.minLength })
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}

/** Every failing field with its message key; empty when the value is valid. */
export function validate(schema: object, value: unknown): FieldErrors {
  const errors: FieldErrors = {}
  report(schema as Schema, value, '', errors)
  return errors
}
