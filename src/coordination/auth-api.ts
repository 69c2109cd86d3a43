import type { CoordinatorAccount } from '../shared/coordination/session.schema.ts'
import { coordinationApi } from './coordination-api.ts'

/** Login, logout and "who am I" (server/coordination/auth/auth.routes.ts). */
export const authApi = {
  me: () => coordinationApi<CoordinatorAccount>('/me'),
  login: (email: string, password: string) => coordinationApi<CoordinatorAccount>('/login', { method: 'POST', body: { email, password } }),
  logout: () => coordinationApi<void>('/logout', { method: 'POST' }),
}
