import { defineStore } from 'pinia'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import type { NetworkRulesDto } from '../shared/network/network-rules.schema.ts'

const PREFIX = 'networkRules:'

/**
 * The rules in force of the districts' networks (seed 004), as the partner declaration asks partners
 * to acknowledge them: asked of the server when a district is chosen and there is a connection, kept
 * in a settings row, so the form shows the same version and its text offline. Null: the district has
 * published no rules; undefined: not known on this phone yet (the server then asks, see the outbox).
 */
export const useNetworkRulesStore = defineStore('network-rules', () => {
  const known = useLiveQuery(async () => {
    const rows = await db.settings.where('key').startsWith(PREFIX).toArray()
    return new Map(rows.map((r) => [r.key.slice(PREFIX.length), r.value as NetworkRulesDto | null]))
  }, new Map<string, NetworkRulesDto | null>())

  async function refresh(district: string): Promise<void> {
    if (!district) return
    try {
      const answer = await fetch(`/api/v1/network-rules/${encodeURIComponent(district)}`, { headers: { accept: 'application/json' } })
      if (answer.status === 404) await db.settings.put({ key: PREFIX + district, value: null })
      else if (answer.ok) await db.settings.put({ key: PREFIX + district, value: (await answer.json()) as NetworkRulesDto })
    } catch {
      // Offline: the version kept from last time stands.
    }
  }

  const rulesOf = (district: string): NetworkRulesDto | null | undefined => known.value.get(district)
  return { rulesOf, refresh }
})
