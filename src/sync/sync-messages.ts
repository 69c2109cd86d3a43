/** The page asks the sync worker for one pull ... */
export interface SyncRequest {
  id: number
}

/** ... and hears whether it landed (false: offline or the server away). */
export interface SyncReply {
  id: number
  ok: boolean
  /** When this pull landed (ISO 8601). */
  syncedAt?: string
}
