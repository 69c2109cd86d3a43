import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../clock.ts'

/** Another process works on the PGlite folder: two writers on one folder lose acknowledged writes and corrupt indexes. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
}

interface Holder {
  pid: number
  host: string
  since: string
}

/** Lock files this process holds: its own pid in one of them is a second opening, not a stale lock. */
const held = new Set<string>()

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>
    return typeof holder.pid === 'number' ? { pid: holder.pid, host: String(holder.host), since: String(holder.since) } : undefined
  } catch {
    return undefined // half-written or removed meanwhile: stale
  }
}

/** Alive on this host; a holder on another host (a shared folder) counts as alive, it cannot be checked. */
function isRunning(holder: Holder, file: string): boolean {
  if (holder.host !== hostname()) return true
  // Our own pid from an earlier life (pid 1 in a restarted container) unless this process took the lock.
  if (holder.pid === process.pid) return held.has(file)
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function refuse(dir: string, file: string, holder: Holder): never {
  throw new DataDirLockedError(
    `DATA_DIR ${dir} is in use by another process (pid ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
      `Only one server or script may open a PGlite folder: stop that process first. ` +
      `If it is not running any more, delete ${file}.`,
  )
}

/** Moves a stale lock aside, unless another process replaced it meanwhile (then that one holds it). */
function removeStale(dir: string, file: string, stale: Holder | undefined): void {
  const aside = `${file}.stale-${process.pid}`
  try {
    renameSync(file, aside)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
    throw err
  }
  const moved = readHolder(aside)
  if (moved && (moved.pid !== stale?.pid || moved.since !== stale.since)) {
    try {
      linkSync(aside, file)
    } finally {
      unlinkSync(aside)
    }
    refuse(dir, file, moved)
  }
  unlinkSync(aside)
}

/**
 * Takes the PGlite folder's lock file (`willkommen.lock`: pid, host, time) or throws naming its holder.
 * A lock whose process is gone on this host is stale and taken over. Returns the release, also run at exit.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'willkommen.lock')
  // Written whole beside it, then linked in: linking fails if the lock exists, and nobody reads a half-written one.
  const mine = `${file}.${process.pid}`
  writeFileSync(mine, JSON.stringify({ pid: process.pid, host: hostname(), since: systemClock().toISOString() } satisfies Holder))
  try {
    for (;;) {
      try {
        linkSync(mine, file)
        break
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
      const holder = readHolder(file)
      if (holder && isRunning(holder, file)) refuse(dir, file, holder)
      removeStale(dir, file, holder)
    }
  } finally {
    unlinkSync(mine)
  }
  held.add(file)
  const release = () => {
    if (!held.delete(file)) return
    process.off('exit', release)
    try {
      unlinkSync(file)
    } catch {
      // already gone: nothing to release
    }
  }
  process.on('exit', release)
  return release
}
