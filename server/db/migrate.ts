import { Migrator, sql, type Kysely, type Migration } from 'kysely'
import * as meetups from './migrations/0001-meetups.ts'
import * as guide from './migrations/0002-guide.ts'
import * as meetupSeries from './migrations/0003-meetup-series.ts'
import * as volunteering from './migrations/0004-volunteering.ts'
import * as coordination from './migrations/0005-coordination.ts'
import * as meetupCancellation from './migrations/0006-meetup-cancellation.ts'
import * as tandemMatching from './migrations/0007-tandem-matching.ts'
import * as partnerConsent from './migrations/0008-partner-consent.ts'
import * as registrationFlows from './migrations/0009-registration-flows.ts'
import * as partnerRequestOutcome from './migrations/0011-partner-request-outcome.ts'
import * as content from './migrations/0014-content.ts'
import * as syncPartitions from './migrations/0015-sync-partitions.ts'
import * as sharedLimits from './migrations/0018-shared-limits.ts'
import * as guideSituations from './migrations/0019-guide-situations.ts'
import * as noteStatus from './migrations/0021-note-status.ts'
import * as mail from './migrations/0017-mail.ts'
import * as feedback from './migrations/0022-feedback.ts'
import * as networkRules from './migrations/0023-network-rules.ts'
import * as coordinatorAccounts from './migrations/0024-coordinator-accounts.ts'
import * as tandemMail from './migrations/0025-tandem-mail.ts'
import * as partnerRequestMail from './migrations/0026-partner-request-mail.ts'

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
const migrations: Record<string, Migration> = {
  '0001-meetups': meetups,
  '0002-guide': guide,
  '0003-meetup-series': meetupSeries,
  '0004-volunteering': volunteering,
  '0005-coordination': coordination,
  '0006-meetup-cancellation': meetupCancellation,
  '0007-tandem-matching': tandemMatching,
  '0008-partner-consent': partnerConsent,
  '0009-registration-flows': registrationFlows,
  '0011-partner-request-outcome': partnerRequestOutcome,
  '0014-content': content,
  '0015-sync-partitions': syncPartitions,
  '0018-shared-limits': sharedLimits,
  '0019-guide-situations': guideSituations,
  '0021-note-status': noteStatus,
  '0017-mail': mail,
  '0022-feedback': feedback,
  '0023-network-rules': networkRules,
  '0024-coordinator-accounts': coordinatorAccounts,
  '0025-tandem-mail': tandemMail,
  '0026-partner-request-mail': partnerRequestMail,
}

export const MIGRATION_NAMES = Object.keys(migrations)

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema
export async function createMigrator(db: Kysely<any>): Promise<Migrator> {
  // Name the schema: otherwise Kysely takes a migration table in ANY schema (another test's) as ours.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  // Helpers number their migrations in parallel (0009 may land after 0014): run any not yet run, in name order.
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema: rows[0]!.schema, allowUnorderedMigrations: true })
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error } = await (await createMigrator(db)).migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
}
