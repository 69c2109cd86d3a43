/**
 * The server's memory under the pipelining pattern of issue 18: 150 connections that each send 40
 * `GET /api/v1/sync?since=0` at once and never read. Starts the real server twice, once with every
 * connection limit off (before) and once with the defaults (after), and prints its resident memory:
 *   node test/bench/connections-bench.ts
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

const CONNECTIONS = 150
const PIPELINED = 40
const SETTLE_MS = 40_000
const SERVER = new URL('../../server/server.ts', import.meta.url).pathname
const LIMITS_OFF = { REQUEST_TIMEOUT_MS: '0', IDLE_TIMEOUT_MS: '0', KEEP_ALIVE_TIMEOUT_MS: '72000', MAX_REQUESTS_PER_CONNECTION: '0', MAX_PIPELINED_REQUESTS: '0', MAX_UNREAD_BYTES: '0' }

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1])
  return Math.round(kb / 1024)
}

function readlinkSafe(path: string): string {
  try {
    return readlinkSync(path)
  } catch {
    return ''
  }
}

function start(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [SERVER], {
    env: { PATH: process.env.PATH, DATA_DIR: 'memory://', PORT: '0', HOST: '127.0.0.1', WEB_ROOT: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const port = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1]
      if (port) resolve({ child, port: Number(port) })
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
}

async function run(label: string, env: Record<string, string>): Promise<void> {
  const { child, port } = await start(env)
  const answer = await fetch(`http://127.0.0.1:${port}/api/v1/sync?since=0`, { headers: { 'accept-encoding': 'identity' } })
  const answerKb = Math.round((await answer.arrayBuffer()).byteLength / 1024)
  await sleep(1000)
  const before = rssMb(child.pid!)
  const sockets: Socket[] = []
  for (let n = 0; n < CONNECTIONS; n++) {
    const socket = connect(port, '127.0.0.1')
    socket.on('error', () => {})
    socket.pause()
    socket.write('GET /api/v1/sync?since=0 HTTP/1.1\r\nHost: bench\r\n\r\n'.repeat(PIPELINED))
    sockets.push(socket)
  }
  let peak = before
  for (let waited = 0; waited < SETTLE_MS; waited += 500) {
    await sleep(500)
    peak = Math.max(peak, rssMb(child.pid!))
  }
  const after = rssMb(child.pid!)
  const openSockets = readdirSync(`/proc/${child.pid}/fd`).filter((fd) => /^socket:/.test(readlinkSafe(`/proc/${child.pid}/fd/${fd}`))).length
  console.log(
    `${label.padEnd(24)} answer ${answerKb} KB · RSS idle ${before} MB, peak ${peak} MB (+${peak - before}), ${after} MB after ${SETTLE_MS / 1000} s · ` +
      `server sockets still open ${openSockets}`,
  )
  for (const s of sockets) s.destroy()
  child.kill('SIGTERM')
  await new Promise((resolve) => child.once('exit', resolve))
}

console.log(`${CONNECTIONS} connections × ${PIPELINED} pipelined GET /api/v1/sync?since=0, never read (demo data, PGlite in memory)`)
await run('before (limits off)', LIMITS_OFF)
await run('after (default limits)', {})
