// Makes sure a program the tests need is installed, the way `playwright install --with-deps` does:
// when it is missing and this user may install system packages (root, or sudo without a password),
// installs the Debian packages itself and says so; otherwise stops with the one command to run.
//   node scripts/ensure-debian-package.ts chromium        (the browser tests; CHROME_PATH also counts)
//   node scripts/ensure-debian-package.ts faketime        (the suite with the clock years ahead)
import { spawnSync } from 'node:child_process'

const NEEDS: Record<string, { commands: string[]; packages: string[]; env?: string }> = {
  chromium: { commands: ['chromium', 'chromium-browser'], packages: ['chromium', 'fonts-noto-core'], env: 'CHROME_PATH' },
  faketime: { commands: ['faketime'], packages: ['faketime'] },
}

const name = process.argv[2] ?? ''
const need = NEEDS[name]
if (!need) {
  console.error(`ensure-debian-package: give one of ${Object.keys(NEEDS).join(', ')}`)
  process.exit(2)
}

const onPath = (command: string) => spawnSync('/bin/sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
const found = () => (need.env !== undefined && !!process.env[need.env]) || need.commands.some(onPath)
if (found()) process.exit(0)

const install = `apt-get install -y ${need.packages.join(' ')}`
const isRoot = process.getuid?.() === 0
const mayInstall = onPath('apt-get') && (isRoot || (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0))
if (!mayInstall) {
  console.error(`No ${name} found for the tests. Install it with:\n\n  sudo ${install}\n`)
  if (need.env) console.error(`(or set ${need.env} to one that is installed)`)
  process.exit(1)
}

console.log(`No ${name} found: installing Debian's ${need.packages.join(' and ')} (${install}) …`)
// sudo resets the environment, so the non-interactive setting goes on the command line.
const prefix = [...(isRoot ? [] : ['sudo', '-n']), 'env', 'DEBIAN_FRONTEND=noninteractive']
const run = (args: string[]) => {
  const [command, ...rest] = [...prefix, ...args]
  const result = spawnSync(command!, rest, { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`\nInstalling failed. Run it yourself:\n\n  sudo apt-get update && sudo ${install}\n`)
    process.exit(1)
  }
}
run(['apt-get', 'update'])
run(['apt-get', 'install', '-y', ...need.packages])
if (!found()) {
  console.error(`${need.packages.join(' ')} installed, but still no ${need.commands.join(' or ')} on the PATH.`)
  process.exit(1)
}
console.log(`${name} installed.`)
