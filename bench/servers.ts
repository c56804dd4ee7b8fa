// Shared by the HTTP benchmarks: a free port, a built server started and stopped, autocannon runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { installDebianPackage, isRoot } from '../scripts/debian-package.ts';

export const root = fileURLToPath(new URL('..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export type Running = { base: string; pid: number; stop: () => Promise<void> };

/** Starts `script` (a built entry or scripts/serve.ts) with `env` and waits until `readyPath` answers. */
export async function startProcess(script: string, env: Record<string, string>, readyPath = '/'): Promise<Running> {
  const port = await freePort();
  // BENCH_SERVER_ARGS passes Node flags to the server and its workers (e.g. --cpu-prof --cpu-prof-dir=DIR to profile).
  const flags = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...flags, script], {
    cwd: root,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (d) => {
    errors += d;
    // BENCH_SERVER_LOG=1 shows what the server logs (a 500's cause) while the benchmark runs.
    if (process.env.BENCH_SERVER_LOG) process.stderr.write(d);
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited early:\n${errors}`);
    try {
      if ((await fetch(base + readyPath, { signal: AbortSignal.timeout(5000) })).ok) break;
    } catch {
      // starting
    }
    if (i > 300) throw new Error(`${script} did not start:\n${errors}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    pid: child.pid!,
    stop: async () => {
      // Killed by a signal, a process has a signalCode and no exitCode.
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(late);
    },
  };
}

/**
 * The fields of /proc/<pid>/stat after the command name (which may hold spaces), counted from 0: utime and stime
 * are 11 and 12, cutime and cstime (children that have ended) 13 and 14, all in ticks of 10 ms.
 */
function procStatFields(pid: number | 'self'): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU time (ms, user + system) used so far by a process and every process under it (a cluster's workers), read
 * from /proc; null where there is no /proc. Measured over a run, it tells the work per request apart from time
 * spent waiting for a core on a busy machine.
 */
export function treeCpuMs(pid: number): number | null {
  try {
    const fields = procStatFields(pid);
    let ms = (Number(fields[11]) + Number(fields[12])) * 10;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    for (const child of children ? children.split(' ') : []) ms += treeCpuMs(Number(child)) ?? 0;
    return ms;
  } catch {
    return null;
  }
}

/** CPU time (ms) this process has used so far. */
export function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * The floor: an empty Astro page and an empty endpoint, built with the same Astro and the same node
 * adapter (standalone) as the portal. Built under node_modules/.cache so it resolves our packages.
 */
export function buildFloor(): string {
  const dir = join(root, 'node_modules/.cache/bench-floor');
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport node from '@astrojs/node';\nexport default defineConfig({ output: 'server', adapter: node({ mode: 'standalone' }) });\n",
  );
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(join(dir, 'src/pages/index.astro'), '---\n---\n<html lang="vi"><head><title>floor</title></head><body></body></html>\n');
  writeFileSync(
    join(dir, 'src/pages/endpoint.ts'),
    "export const GET = () => new Response('{}', { headers: { 'content-type': 'application/json' } });\n",
  );
  const res = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--root', dir], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (res.status !== 0) throw new Error('the empty Astro project did not build');
  return join(dir, 'dist/server/entry.mjs');
}

/** p97_5 is null where the generator does not report it (wrk prints 50, 75, 90 and 99 %). */
export type Load = { rps: number; p50: number; p97_5: number | null; p99: number; errors: number; non2xx: number };

/** Requests per second and latency (ms) of one address under `connections` keep-alive connections. */
export async function load(
  url: string,
  opts: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<Load> {
  const r = await autocannon({
    url,
    connections: opts.connections ?? 16,
    duration: opts.seconds ?? 5,
    headers: opts.headers ?? {},
  });
  const lat = r.latency as unknown as Record<string, number>;
  return {
    rps: Math.round(r.requests.average),
    p50: lat.p50 ?? r.latency.average,
    p97_5: lat.p97_5 ?? r.latency.max,
    p99: lat.p99 ?? r.latency.max,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/**
 * wrk (Debian's package `wrk`): `BENCH_WRK` names the binary, else `wrk` on the PATH; as root, Debian's package is
 * installed when neither is there (as the end-to-end tests get their Chromium). Null when there is none: the caller
 * falls back to autocannon. A load generator in C needs a fraction of the CPU autocannon needs in this process,
 * which matters on a machine with two cores when the server may use both.
 */
export function ensureWrk(): string | null {
  const candidate = process.env.BENCH_WRK ?? 'wrk';
  // wrk prints its version and usage, and exits 1, for --version: only a failure to start means it is missing.
  const found = () => !spawnSync(candidate, ['--version'], { stdio: 'ignore' }).error;
  if (found()) return candidate;
  if (process.env.BENCH_WRK || !isRoot()) return null;
  process.stderr.write("  wrk not found: installing Debian's wrk package…\n");
  try {
    installDebianPackage('wrk', 'ignore');
  } catch {
    return null;
  }
  return found() ? candidate : null;
}

/** CPU time (ms) of this process's children that have ended (wrk runs, once reaped). */
export function endedChildrenCpuMs(): number {
  const fields = procStatFields('self');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** wrk's duration in its own notation (`12.5ms`, `1.02s`, `850us`) in milliseconds. */
function wrkMs(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

/** As `load`, with wrk (one thread): `wrk` is the binary `ensureWrk()` found. */
export async function loadWithWrk(
  wrk: string,
  url: string,
  opts: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<Load> {
  const args = ['-t1', `-c${opts.connections ?? 16}`, `-d${opts.seconds ?? 5}s`, '--latency'];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}: ${v}`);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(wrk, [...args, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}:\n${text}`))));
  });
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  if (!rps) throw new Error(`wrk printed no rate:\n${out}`);
  const pct = (p: string) => wrkMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? '');
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Math.round(Number(rps[1])),
    p50: pct('50'),
    p97_5: null,
    p99: pct('99'),
    errors: socket ? socket.slice(1).reduce((s, n) => s + Number(n), 0) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? '0'),
  };
}
