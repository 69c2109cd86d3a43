import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const SERVER = new URL('../../server/server.ts', import.meta.url).pathname
const COORDINATOR_ADD = new URL('../../scripts/coordinator-add.ts', import.meta.url).pathname
const started: ChildProcess[] = []

function envFor(dataDir: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'false', WEB_ROOT: '/nonexistent' }
}

/** A real server process on the folder, resolved once it listens. */
function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [SERVER], { env: envFor(dataDir), stdio: ['ignore', 'pipe', 'pipe'] })
  started.push(child)
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('Server listening')) resolve(child)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()))
}

afterEach(async () => {
  for (const child of started.splice(0)) {
    child.kill('SIGKILL')
    await exited(child)
  }
})

describe('one process per PGlite folder', () => {
  it('refuses a second server and coordinator:add while a server runs, and takes over a lock whose process was killed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'willkommen-lock-'))
    try {
      const first = await startServer(dataDir)
      const lock = JSON.parse(readFileSync(join(dataDir, 'willkommen.lock'), 'utf8')) as { pid: number }
      expect(lock.pid).toBe(first.pid)

      const second = spawnSync(process.execPath, [SERVER], { env: envFor(dataDir), encoding: 'utf8', timeout: 60_000 })
      expect(second.status).toBe(1)
      expect(second.stderr).toContain(`DATA_DIR ${dataDir} is in use by another process (pid ${first.pid}`)
      expect(second.stdout).not.toContain('Server listening')

      const add = spawnSync(process.execPath, [COORDINATOR_ADD, '--email', 'anna@example.org'], {
        env: { ...envFor(dataDir), COORDINATOR_PASSWORD: 'a long enough password' },
        encoding: 'utf8',
        timeout: 60_000,
      })
      expect(add.status).toBe(1)
      expect(add.stderr).toContain(`is in use by another process (pid ${first.pid}`)

      // Killed without a chance to clean up: the lock stays, its process is gone, the next server takes it.
      first.kill('SIGKILL')
      await exited(first)
      expect(existsSync(join(dataDir, 'willkommen.lock'))).toBe(true)
      const next = await startServer(dataDir)
      expect((JSON.parse(readFileSync(join(dataDir, 'willkommen.lock'), 'utf8')) as { pid: number }).pid).toBe(next.pid)

      // A clean stop gives the folder back.
      next.kill('SIGTERM')
      await exited(next)
      expect(next.exitCode).toBe(0)
      expect(existsSync(join(dataDir, 'willkommen.lock'))).toBe(false)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 240_000)
})
