import { Type, type Static } from 'typebox'
import { DistrictSchema } from '../fields.schema.ts'

/**
 * A network's rules (Geschäftsordnung, seed 004), published by its coordinators as dated versions
 * ("in der Fassung vom 23.11.2016"). A partner declaration acknowledges one version.
 */
export const RulesVersionSchema = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'the date of the version, YYYY-MM-DD' })

export const RULES_LIMITS = { title: 200, body: 50_000 } as const

export const NetworkRulesInputSchema = Type.Object(
  {
    district: DistrictSchema,
    version: RulesVersionSchema,
    title: Type.String({ minLength: 1, maxLength: RULES_LIMITS.title }),
    body: Type.String({ minLength: 1, maxLength: RULES_LIMITS.body }),
  },
  { additionalProperties: false },
)
export type NetworkRulesInput = Static<typeof NetworkRulesInputSchema>

export const NetworkRulesSchema = Type.Object({
  ...NetworkRulesInputSchema.properties,
  district: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
})
export type NetworkRulesDto = Static<typeof NetworkRulesSchema>

export const RulesDistrictParamsSchema = Type.Object({ district: DistrictSchema }, { additionalProperties: false })
export const RulesQuerySchema = Type.Object({ district: DistrictSchema }, { additionalProperties: false })
