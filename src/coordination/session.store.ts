import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CoordinatorAccount } from '../shared/coordination/session.schema.ts'
import { authApi } from './auth-api.ts'
import { ApiProblem } from './problems.ts'

/** The logged-in coordinator, asked from the server (the session itself is an HttpOnly cookie). */
export const useCoordinationSession = defineStore('coordination-session', () => {
  const account = ref<CoordinatorAccount | null>(null)
  const checked = ref(false)

  async function check(): Promise<CoordinatorAccount | null> {
    try {
      account.value = await authApi.me()
    } catch (error) {
      if (!(error instanceof ApiProblem) || error.status !== 401) throw error
      account.value = null
    }
    checked.value = true
    return account.value
  }

  async function login(email: string, password: string): Promise<void> {
    account.value = await authApi.login(email, password)
    checked.value = true
  }

  async function logout(): Promise<void> {
    await authApi.logout()
    account.value = null
  }

  /** Districts this account may pick in filters and forms (all for an admin). */
  function mayUse(district: string): boolean {
    return account.value?.role === 'admin' || (account.value?.districts.includes(district) ?? false)
  }

  return { account, checked, check, login, logout, mayUse }
})
