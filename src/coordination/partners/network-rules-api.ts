import type { NetworkRulesDto, NetworkRulesInput } from '../../shared/network/network-rules.schema.ts'
import { coordinationApi, withQuery } from '../coordination-api.ts'

/** A network's rules (server/network/network-rules.routes.ts): the published versions and publishing a new one. */
export const networkRulesApi = {
  list: (district: string) => coordinationApi<NetworkRulesDto[]>(withQuery('/network-rules', { district })),
  publish: (input: NetworkRulesInput) => coordinationApi<NetworkRulesDto>('/network-rules', { method: 'POST', body: input }),
}
