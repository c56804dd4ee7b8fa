// Public routes against the floor of our own framework, side by side in one run: an empty Astro page and
// endpoint built with the same adapter. Budget: every public route ≥ 50 % of the floor's requests/s. Also
// the catalog route on two workers against one (the second core at work). Clients ask for brotli or gzip,
// as browsers do; the demo province's data (platforms, OCOP products, assessments) is served.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from '../scripts/seed/boot.ts';
import { getEnv } from '#src/server/config/env.ts';
import {
  buildFloor,
  endedChildrenCpuMs,
  load,
  loadWithWrk,
  ownCpuMs,
  root,
  startProcess,
  treeCpuMs,
  ensureWrk,
  type Load,
  type Running,
} from './servers.ts';

export const FLOOR_SHARE_BUDGET = 0.5;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? '5');
const CONNECTIONS = 16;
const HEADERS = { 'accept-encoding': 'br, gzip' };
const WORKER_ROUNDS = Math.max(1, Number(process.env.BENCH_WORKER_ROUNDS ?? '3'));

export type RouteResult = Load & { route: string; floor: 'page' | 'endpoint'; share: number };

type LoadWithCpu = Load & { serverCores: number | null; loadGeneratorCores: number };

/**
 * A load run with the cores it used: the server's processes and the load generator (this process, or the wrk
 * child it ran), in cores (CPU seconds per second). On a machine with two cores the load generator takes its
 * share of them, which bounds what a second worker can add.
 */
async function withCpu(pid: number, run: () => Promise<Load>, child: boolean): Promise<LoadWithCpu> {
  const generatorMs = () => (child ? endedChildrenCpuMs() : ownCpuMs());
  const s0 = treeCpuMs(pid);
  const b0 = generatorMs();
  const t0 = performance.now();
  const result = await run();
  const s1 = treeCpuMs(pid);
  const ms = performance.now() - t0;
  const cores = (cpuMs: number) => Math.round((cpuMs / ms) * 100) / 100;
  return { ...result, serverCores: s0 === null || s1 === null ? null : cores(s1 - s0), loadGeneratorCores: cores(generatorMs() - b0) };
}

type WorkerRound = { one: LoadWithCpu; two: LoadWithCpu; ratio: number };

/**
 * The catalog route on one worker against two (scripts/serve.ts, as `npm start` runs them). Both servers run at
 * once, idle but for the one under load, and are measured in turns (one, two, two, one, …), so a host that speeds
 * up or slows down during the run moves both alike; the ratio is the median of the rounds'. With wrk on the
 * machine it makes the load: autocannon in this process needs about as much CPU per request as the cached page
 * costs the server, and on two cores that caps what a second worker can show.
 */
async function catalogOnWorkers(env: Record<string, string>, progress: (m: string) => void) {
  const wrk = ensureWrk();
  const loadOnce = (s: Running, seconds: number) => {
    const opts = { connections: CONNECTIONS, seconds, headers: HEADERS };
    return wrk ? loadWithWrk(wrk, `${s.base}/platforms`, opts) : load(`${s.base}/platforms`, opts);
  };
  const measure = (s: Running) => withCpu(s.pid, () => loadOnce(s, SECONDS), Boolean(wrk));
  const one = await startProcess(join(root, 'scripts/serve.ts'), { ...env, WEB_CONCURRENCY: '1' }, '/healthz');
  const two = await startProcess(join(root, 'scripts/serve.ts'), { ...env, WEB_CONCURRENCY: '2' }, '/healthz');
  try {
    // Warmed by a short run, so every worker has rendered and compressed the page once.
    await loadOnce(one, 1);
    await loadOnce(two, 1);
    const rounds: WorkerRound[] = [];
    for (let i = 0; i < WORKER_ROUNDS; i++) {
      progress(`one worker against two, round ${i + 1} of ${WORKER_ROUNDS}`);
      let a: LoadWithCpu;
      let b: LoadWithCpu;
      if (i % 2 === 0) {
        a = await measure(one);
        b = await measure(two);
      } else {
        b = await measure(two);
        a = await measure(one);
      }
      rounds.push({ one: a, two: b, ratio: Math.round((b.rps / a.rps) * 100) / 100 });
    }
    const ratios = rounds.map((r) => r.ratio).sort((x, y) => x - y);
    return { generator: wrk ? 'wrk' : 'autocannon', rounds, ratio: ratios[Math.floor(ratios.length / 2)]! };
  } finally {
    await one.stop();
    await two.stop();
  }
}

export async function benchPublicRoutes() {
  const progress = (m: string) => process.stderr.write(`  [public routes] ${m}\n`);
  progress('building the empty Astro project');
  const floorEntry = buildFloor();
  const dir = mkdtempSync(join(tmpdir(), 'portal-bench-routes-'));
  const dbUrl = `file:${join(dir, 'bench.db')}`;
  const env = {
    DATABASE_URL: dbUrl,
    SEED_DEMO: '1',
    ADMIN_EMAIL: 'bench@example.com',
    ADMIN_PASSWORD: 'bench-password',
    PROVINCE_CODE: '37',
  };
  await prepareDatabase(getEnv(env));
  const entry = join(root, 'dist/server/entry.mjs');

  progress('starting the floor and the portal');
  const floor = await startProcess(floorEntry, {});
  const portal = await startProcess(entry, env, '/healthz');
  progress('measuring');
  try {
    const platforms = (await (await fetch(`${portal.base}/api/v1/platforms`)).json()) as { platforms: { id: string }[] };
    const ocop = (await (await fetch(`${portal.base}/api/v1/ocop-products`)).json()) as { products: { id: number }[] };
    const frameworks = (await (await fetch(`${portal.base}/api/v1/frameworks`)).json()) as { frameworks: { id: string }[] };
    const platformId = platforms.platforms[0]!.id;
    const productId = ocop.products[0]?.id;
    const routes: { route: string; floor: 'page' | 'endpoint' }[] = [
      { route: '/', floor: 'page' },
      { route: '/platforms', floor: 'page' },
      { route: `/platforms/${platformId}`, floor: 'page' },
      { route: '/ocop', floor: 'page' },
      ...(productId ? [{ route: `/ocop/${productId}`, floor: 'page' as const }] : []),
      { route: '/open-data', floor: 'page' },
      { route: '/en/platforms', floor: 'page' },
      { route: '/api/v1/platforms', floor: 'endpoint' },
      { route: '/api/v1/platform-categories', floor: 'endpoint' },
      { route: '/api/v1/frameworks', floor: 'endpoint' },
      { route: `/api/v1/frameworks/${frameworks.frameworks[0]!.id}`, floor: 'endpoint' },
      { route: '/api/v1/ocop-products', floor: 'endpoint' },
      { route: '/api/v1/indicators', floor: 'endpoint' },
      { route: '/api/v1/openapi.json', floor: 'endpoint' },
    ];
    for (const r of routes) {
      progress(`warming ${r.route}`);
      const res = await fetch(portal.base + r.route, { headers: HEADERS });
      if (!res.ok) throw new Error(`${r.route} answered ${res.status}`);
      await res.arrayBuffer();
    }
    // The floor before and after the routes; the higher figure is used, so drift never flatters us.
    const floorRuns = async () => ({
      page: await load(`${floor.base}/`, { connections: CONNECTIONS, seconds: SECONDS, headers: HEADERS }),
      endpoint: await load(`${floor.base}/endpoint`, { connections: CONNECTIONS, seconds: SECONDS, headers: HEADERS }),
    });
    progress('the floor');
    const before = await floorRuns();
    const measured: (Load & { route: string; floor: 'page' | 'endpoint' })[] = [];
    for (const r of routes) {
      progress(r.route);
      measured.push({ ...r, ...(await load(portal.base + r.route, { connections: CONNECTIONS, seconds: SECONDS, headers: HEADERS })) });
    }
    const after = await floorRuns();
    const floorRps = {
      page: Math.max(before.page.rps, after.page.rps),
      endpoint: Math.max(before.endpoint.rps, after.endpoint.rps),
    };
    const results: RouteResult[] = measured.map((m) => ({ ...m, share: Math.round((m.rps / floorRps[m.floor]) * 100) / 100 }));
    await portal.stop();

    progress('one worker against two');
    const catalogWorkers = await catalogOnWorkers(env, progress);

    return {
      connections: CONNECTIONS,
      seconds: SECONDS,
      acceptEncoding: HEADERS['accept-encoding'],
      floor: { page: floorRps.page, endpoint: floorRps.endpoint, runs: { before, after } },
      routes: results,
      ok: results.every((r) => r.share >= FLOOR_SHARE_BUDGET && r.errors === 0 && r.non2xx === 0),
      catalogWorkers,
    };
  } finally {
    await portal.stop();
    await floor.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
