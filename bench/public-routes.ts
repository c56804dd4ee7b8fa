// Public routes against the floor of our own framework, side by side in one run: an empty Astro page and
// endpoint built with the same adapter. Budget: every public route ≥ 50 % of the floor's requests/s. Also
// the catalog route on two workers against one (the second core at work). Clients ask for brotli or gzip,
// as browsers do; the demo province's data (platforms, OCOP products, assessments) is served.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from '../scripts/seed/boot.ts';
import { getEnv } from '#src/server/config/env.ts';
import { buildFloor, load, ownCpuMs, root, startProcess, treeCpuMs, type Load } from './servers.ts';

export const FLOOR_SHARE_BUDGET = 0.5;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? '5');
const CONNECTIONS = 16;
const HEADERS = { 'accept-encoding': 'br, gzip' };

export type RouteResult = Load & { route: string; floor: 'page' | 'endpoint'; share: number };

/**
 * A load run with the cores it used: the server's processes and the load generator (this process), in cores
 * (CPU seconds per second). On a machine with two cores the load generator takes its share of them, which
 * bounds what a second worker can add.
 */
async function withCpu(pid: number, run: () => Promise<Load>): Promise<Load & { serverCores: number | null; loadGeneratorCores: number }> {
  const s0 = treeCpuMs(pid);
  const b0 = ownCpuMs();
  const t0 = performance.now();
  const result = await run();
  const s1 = treeCpuMs(pid);
  const ms = performance.now() - t0;
  const cores = (cpuMs: number) => Math.round((cpuMs / ms) * 100) / 100;
  return { ...result, serverCores: s0 === null || s1 === null ? null : cores(s1 - s0), loadGeneratorCores: cores(ownCpuMs() - b0) };
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
    // The catalog route, one worker against two (scripts/serve.ts, as `npm start` runs them).
    const one = await startProcess(join(root, 'scripts/serve.ts'), { ...env, WEB_CONCURRENCY: '1' }, '/healthz');
    // Warmed by a short run, so every worker has rendered and compressed the page once.
    await load(`${one.base}/platforms`, { connections: CONNECTIONS, seconds: 1, headers: HEADERS });
    progress('one worker');
    const oneWorker = await withCpu(one.pid, () =>
      load(`${one.base}/platforms`, { connections: CONNECTIONS, seconds: SECONDS, headers: HEADERS }),
    );
    await one.stop();
    const two = await startProcess(join(root, 'scripts/serve.ts'), { ...env, WEB_CONCURRENCY: '2' }, '/healthz');
    await load(`${two.base}/platforms`, { connections: CONNECTIONS, seconds: 1, headers: HEADERS });
    progress('two workers');
    const twoWorkers = await withCpu(two.pid, () =>
      load(`${two.base}/platforms`, { connections: CONNECTIONS, seconds: SECONDS, headers: HEADERS }),
    );
    await two.stop();

    return {
      connections: CONNECTIONS,
      seconds: SECONDS,
      acceptEncoding: HEADERS['accept-encoding'],
      floor: { page: floorRps.page, endpoint: floorRps.endpoint, runs: { before, after } },
      routes: results,
      ok: results.every((r) => r.share >= FLOOR_SHARE_BUDGET && r.errors === 0 && r.non2xx === 0),
      catalogWorkers: { one: oneWorker, two: twoWorkers, ratio: Math.round((twoWorkers.rps / oneWorker.rps) * 100) / 100 },
    };
  } finally {
    await portal.stop();
    await floor.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
