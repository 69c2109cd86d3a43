import { execSync, spawn, type ChildProcess } from 'node:child_process'

/** A real server process for a benchmark (server/server.ts on its own port); `stop` ends it and waits. */
export interface BenchServer {
  base: string
  stop: () => Promise<void>
}

export async function startServer(port: number, env: Record<string, string>): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, ['server/server.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: 'inherit',
  })
  const base = `http://127.0.0.1:${port}`
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    child.kill('SIGTERM')
    await exited
  }
  try {
    await waitForServer(base, exited)
  } catch (error) {
    await stop()
    throw error
  }
  return { base, stop }
}

async function waitForServer(base: string, exited: Promise<void>): Promise<void> {
  let gone = false
  void exited.then(() => (gone = true))
  for (let i = 0; i < 6000 && !gone; i++) { // up to 10 minutes: a busy machine migrates and seeds slowly
    try {
      if ((await fetch(`${base}/api/health`)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(gone ? 'server exited' : 'server did not start')
}

/** The Debian Chromium (the one the e2e tests use), or CHROME_PATH. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH ?? execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' }).toString().trim()
}
