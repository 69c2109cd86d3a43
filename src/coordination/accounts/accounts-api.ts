import type { AccountChange, AccountDto, InviteInput } from '../../shared/coordination/accounts.schema.ts'
import { coordinationApi } from '../coordination-api.ts'

/** Accounts and passwords (server/coordination/accounts/accounts.routes.ts). */
export const accountsApi = {
  list: () => coordinationApi<AccountDto[]>('/accounts'),
  invite: (input: InviteInput) => coordinationApi<AccountDto>('/accounts', { method: 'POST', body: input }),
  change: (id: string, change: AccountChange) => coordinationApi<AccountDto>(`/accounts/${id}`, { method: 'PATCH', body: change }),
  forgot: (email: string, locale: string) => coordinationApi<{ status: 'accepted' }>('/password/forgot', { method: 'POST', body: { email, locale } }),
  setPassword: (token: string, password: string) => coordinationApi<void>('/password', { method: 'POST', body: { token, password } }),
}
