// Debian's packages for what the tests and the benchmark drive from outside (Chromium, wrk), when run as root.
import { spawnSync } from 'node:child_process';

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** `apt-get update` then `apt-get install -y <name>`; throws with the step that failed. */
export function installDebianPackage(name: string, stdio: 'inherit' | 'ignore' = 'inherit'): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', name],
  ]) {
    const res = spawnSync('apt-get', args, { stdio, env });
    if (res.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
}
