import type { Fetch } from '../../../src/outbox/outbox.ts'

/** A stand-in for the server: answers each request with the next reply and records what was sent. */
export function recordingServer(...replies: Response[]) {
  const calls: Array<{ url: string; headers: Record<string, string>; body: unknown }> = []
  const fetch: Fetch = async (url, init = {}) => {
    calls.push({ url, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) })
    return replies.shift()!
  }
  return { fetch, calls }
}
