// The whole officer dashboard page (cards, every indicator, trend, the breakdown over all communes),
// rendered by the built server over HTTP, as a province officer sees it. Each round starts a fresh
// server, so the first page after a start is part of the sample (and reported on its own).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DASHBOARD_BUDGET_MS = 100;
const root = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** The built server on a free loopback port, once /healthz answers. */
export async function startBuiltServer(env: Record<string, string>): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/server/entry.mjs')], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, child };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error('the built server did not start');
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ login: email, password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((l) => l.split(';')[0]!)
    .join('; ');
  if (res.status !== 303 && res.status !== 302) throw new Error(`login failed: ${res.status}`);
  return cookie;
}

export async function benchDashboardPage(opts: {
  env: Record<string, string>;
  email: string;
  password: string;
  path: string;
  rounds?: number;
  requests?: number;
  /** A query suffix per request: each request a different question (nothing answered from the page's cache). */
  vary?: (i: number) => string;
}) {
  const firsts: number[] = [];
  const all: number[] = [];
  let bytes = 0;
  let rows = 0;
  for (let round = 0; round < (opts.rounds ?? 3); round++) {
    const { base, child } = await startBuiltServer(opts.env);
    try {
      const cookie = await login(base, opts.email, opts.password);
      for (let i = 0; i < (opts.requests ?? 20); i++) {
        const s = performance.now();
        const res = await fetch(base + opts.path + (opts.vary?.(i) ?? ''), { headers: { cookie }, redirect: 'manual' });
        const html = await res.text();
        const ms = performance.now() - s;
        if (res.status !== 200) throw new Error(`dashboard answered ${res.status}`);
        if (i === 0) {
          firsts.push(ms);
          bytes = html.length;
          rows = (html.match(/<tr>/g) ?? []).length;
        }
        all.push(ms);
      }
    } finally {
      await stop(child);
    }
  }
  const sorted = [...all].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
  return {
    p50: at(50),
    p95: at(95),
    firstAfterStartMs: firsts.map((t) => Math.round(t)),
    samples: all.length,
    htmlBytes: bytes,
    tableRows: rows,
  };
}
