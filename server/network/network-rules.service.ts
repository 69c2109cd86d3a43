import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { NetworkRulesDto, NetworkRulesInput } from '../../src/shared/network/network-rules.schema.ts'
import type { PartnerRequestInput } from '../../src/shared/coordination/partner.schema.ts'
import { Problem } from '../errors/problem.ts'
import { writeAudit } from '../coordination/audit/audit.ts'
import { assertDistrict } from '../coordination/auth/coordinator-auth.ts'
import type { Coordinator } from '../coordination/auth/sessions.ts'
import { currentRules, findRules, insertRules } from './network-rules.repository.ts'

/** Publishes a dated version of a district's rules (never changes one already published). Audited. */
export async function publishRules(db: Kysely<Database>, coordinator: Coordinator, input: NetworkRulesInput, now: Date): Promise<NetworkRulesDto> {
  assertDistrict(coordinator, input.district)
  return db.transaction().execute(async (trx) => {
    if (!(await insertRules(trx, input, coordinator.email, now))) {
      throw new Problem(409, 'conflict', 'This version is already published; publish a new dated version instead.', { version: 'coordinationPartners.rules.versionExists' })
    }
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'network-rules.publish',
      entity: 'network-rules',
      entityId: `${input.district}:${input.version}`,
      district: input.district,
      details: { version: input.version },
    })
    return (await findRules(trx, input.district, input.version))!
  })
}

/**
 * The rules a declaration acknowledges. Where the district has published rules, an entry or a change
 * names a published version (400 otherwise). An older version than the one in force is accepted and
 * stored as it is, and the coordinator sees it flagged: the partner may have declared offline before
 * the new version reached the phone, and what they typed is not lost. Returns the version to store.
 */
export async function acknowledgedRules(trx: Transaction<Database>, input: PartnerRequestInput): Promise<string | null> {
  if (input.kind === 'deletion') return null
  const current = await currentRules(trx, input.district)
  if (!current) {
    if (input.rulesVersion) throw new Problem(400, 'validation', 'This network has published no rules.', { rulesVersion: 'errors.invalid' })
    return null
  }
  if (!input.rulesVersion) throw new Problem(400, 'validation', 'Please acknowledge the network’s rules.', { rulesVersion: 'errors.required' })
  if (!(await findRules(trx, input.district, input.rulesVersion))) {
    throw new Problem(400, 'validation', 'No such version of the network’s rules.', { rulesVersion: 'errors.invalid' })
  }
  return input.rulesVersion
}
