// Indicator budgets: with 1 000 000 assessments over 3 000 communes, the province dashboard's indicator
// query answers in < 100 ms (p50/p95 reported), the public indicators API serves ≥ 500 requests/s on
// this 2-core machine, and a 100 000-row registry file imports through the streaming importer.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { prepareDatabase } from '../scripts/seed/boot.ts';
import { createDb, openClient, prepareClient } from '#src/db/client.ts';
import { getEnv } from '#src/server/config/env.ts';
import {
  communes,
  communeCells,
  indicatorCells,
  indicatorFacts,
  provinceCells,
  provincePillarCells,
  businesses,
} from '#src/db/schema/index.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { sql } from 'drizzle-orm';
import { computeView, computeBreakdown, publicIndicators } from '#src/server/services/indicators.ts';
import { dashboardSections } from './dashboard-sections.ts';
import { parsePeriod } from '#src/domain/indicators/periods.ts';
import { COUNTER_KEYS, counterDelta, emptyCounters, type StoredFact } from '#src/domain/indicators/definitions.ts';
import { mulberry32 } from '../scripts/seed/demo-data.ts';
import { createRegistryImport } from '#src/server/services/registry-import.ts';
import { makeTaxCode } from '#src/domain/identity/tax-code.ts';
import { benchDashboardPage } from './dashboard-page.ts';

export const QUERY_BUDGET_MS = 100;
export const API_BUDGET_RPS = 500;
/** Fresh processes whose first province query joins the p95 sample. */
const FRESH_STARTS = 8;
const PROVINCE = '37';
// BENCH_SCALE=0.05 gives a quick run while tuning; the budgets are stated for scale 1.
const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const COMMUNES = 3000;
const BUSINESSES = Math.round(400_000 * SCALE);
const ASSESSMENTS = Math.round(1_000_000 * SCALE);
const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
const SECTORS = ['G', 'G', 'G', 'C', 'C', 'A', 'A', 'I', 'F', 'H', 'S', 'M'];
const SIZES = ['micro', 'micro', 'micro', 'small', 'small', 'medium', 'large'];
const TYPES = ['enterprise', 'enterprise', 'enterprise', 'household', 'cooperative'];
const PILLARS = ['customer', 'strategy', 'infrastructure', 'operations', 'culture', 'data'];

const root = fileURLToPath(new URL('..', import.meta.url));
const communeCodes = Array.from({ length: COMMUNES }, (_, i) => String(90000 + i));

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function insertChunked<T>(
  db: ReturnType<typeof createDb>,
  table: Parameters<ReturnType<typeof createDb>['insert']>[0],
  rows: T[],
  size: number,
) {
  for (let i = 0; i < rows.length; i += size * 20) {
    const stmts = [];
    for (let j = i; j < Math.min(rows.length, i + size * 20); j += size)
      stmts.push(db.insert(table).values(rows.slice(j, j + size) as never));
    await db.batch(stmts as [(typeof stmts)[number], ...(typeof stmts)[number][]]);
  }
}

export async function benchIndicators() {
  const dir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const url = `file:${join(dir, 'bench.db')}`;
  const env = getEnv({
    DATABASE_URL: url,
    SEED_DEMO: '0',
    ADMIN_EMAIL: 'bench@example.com',
    ADMIN_PASSWORD: 'bench-password',
    PROVINCE_CODE: PROVINCE,
  });
  const client = openClient(url);
  const db = createDb(client);
  const t0 = Date.now();
  // BENCH_DB=/tmp/x.db keeps the generated database between runs (about 4 minutes to build): a later
  // run copies it and applies only the migrations added since.
  const cached = process.env.BENCH_DB;
  let built: { facts: number; cells: number };
  if (cached && existsSync(cached)) {
    copyFileSync(cached, join(dir, 'bench.db'));
    await prepareClient(client, url);
    await runMigrations(client);
    await client.execute('ANALYZE');
    const [c] = await db.all<{ facts: number; cells: number }>(
      sql`select (select count(*) from ${indicatorFacts}) as facts, (select count(*) from ${indicatorCells}) as cells`,
    );
    built = { facts: Number(c!.facts), cells: Number(c!.cells) };
  } else {
    await prepareDatabase(env);
    await prepareClient(client, url);
    built = await buildData(db);
    await client.execute('ANALYZE');
    if (cached) {
      await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
      copyFileSync(join(dir, 'bench.db'), cached);
    }
  }
  const setupMs = Date.now() - t0;

  // 1. The province dashboard's indicator query.
  const period = parsePeriod('2026')!;
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const s = performance.now();
    const v = await computeView(db, { period, provinceCode: PROVINCE });
    times.push(performance.now() - s);
    if (i === 0 && v.counters.n === 0) throw new Error('benchmark data missing');
  }
  // The first query after a start: each fresh process asks once cold, then a few times warm. Its
  // first answers join the sample the p95 is taken over (and are reported on their own).
  const firsts: number[] = [];
  for (let i = 0; i < FRESH_STARTS; i++) {
    const res = spawnSync(process.execPath, [join(root, 'bench/fresh-process.ts'), url, PROVINCE, period.id, '5'], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`fresh process failed: ${res.stderr}`);
    const out = JSON.parse(res.stdout) as { first: number; rest: number[] };
    firsts.push(out.first);
    times.push(...out.rest);
  }
  const sorted = [...times.slice(10), ...firsts].sort((a, b) => a - b);
  // The open-data answer computed from scratch (the API caches it for up to 30 s between changes).
  const pub: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    await publicIndicators(db, PROVINCE, {}, period, new Date());
    pub.push(performance.now() - s);
  }
  const pubSorted = pub.slice(5).sort((a, b) => a - b);
  const bt: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await computeBreakdown(db, { period, provinceCode: PROVINCE }, 'commune');
    bt.push(performance.now() - s);
  }
  const sections = await dashboardSections(db, PROVINCE, period, 'bench@example.com');
  client.close();

  // The whole dashboard page over HTTP (fresh built servers, a province officer's default view).
  const dashboardPage = await benchDashboardPage({
    env: { DATABASE_URL: url, PROVINCE_CODE: PROVINCE },
    email: 'bench@example.com',
    password: 'bench-password',
    path: `/dashboard?period=${period.id}`,
  });
  // The same page when every request asks a new question (breakdown by another dimension, another order): the
  // dashboard's per-worker cache answers none of them, so this is the cost of computing the page afresh.
  const BY = ['commune', 'sector', 'size', 'producerType'];
  const ORDER = ['name', 'value', 'count', 'gap'].flatMap((k) => ['asc', 'desc'].map((d) => `&sort=${k}&dir=${d}`));
  const dashboardPageNewQuestions = await benchDashboardPage({
    env: { DATABASE_URL: url, PROVINCE_CODE: PROVINCE },
    email: 'bench@example.com',
    password: 'bench-password',
    path: `/dashboard?period=${period.id}`,
    rounds: 1,
    requests: BY.length * ORDER.length,
    vary: (i) => `&by=${BY[i % BY.length]}${ORDER[Math.floor(i / BY.length) % ORDER.length]}`,
  });

  // 2. The public indicators API, real server, loopback only, bounded in time.
  const port = await new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
  const child = spawn(process.execPath, [join(root, 'dist/server/entry.mjs')], {
    env: { ...process.env, DATABASE_URL: url, PROVINCE_CODE: PROVINCE, HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const target = `${base}/api/v1/indicators?period=2026`;
  for (let i = 0; i < 20; i++) await (await fetch(target)).arrayBuffer();
  const DURATION_MS = 5000;
  const CONCURRENCY = 16;
  let done = 0;
  let failed = 0;
  const end = Date.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const res = await fetch(target);
        await res.arrayBuffer();
        if (res.ok) done++;
        else failed++;
      }
    }),
  );
  const rps = Math.round(done / (DURATION_MS / 1000));
  child.kill('SIGTERM');

  // 3. A 100 000-row registry file through the streaming importer, 64 KB at a time.
  const importClient = openClient(url);
  const importDb = createDb(importClient);
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const s3 = performance.now();
  const job = createRegistryImport(importDb, { id: 1 } as never, PROVINCE, new Date());
  let chunk = 'ma_so_thue,ten,vsic,ma_xa,lao_dong,doanh_thu\n';
  let rows = 0;
  for (let n = 100_000_000; rows < Math.round(100_000 * Math.max(SCALE, 0.05)); n++) {
    const code = makeTaxCode(String(n).padStart(9, '0'));
    if (!code) continue;
    chunk += `${code},Công ty Danh Bạ ${rows},4711,${communeCodes[rows % COMMUNES]},${rows % 50},${(rows % 90) * 1e8}\n`;
    rows++;
    if (chunk.length > 64 * 1024) {
      await job.push(chunk);
      chunk = '';
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  }
  await job.push(chunk);
  const report = await job.end();
  const importMs = performance.now() - s3;
  importClient.close();
  rmSync(dir, { recursive: true, force: true });

  return {
    setupMs,
    facts: built.facts,
    cells: built.cells,
    provinceQuery: { p50: Math.round(pct(sorted, 50) * 10) / 10, p95: Math.round(pct(sorted, 95) * 10) / 10 },
    provinceQueryFirstAfterStartMs: firsts.map((t) => Math.round(t * 10) / 10),
    dashboardPage,
    dashboardPageNewQuestions,
    dashboardSections: sections,
    publicUncachedMs: { p50: Math.round(pct(pubSorted, 50) * 10) / 10, p95: Math.round(pct(pubSorted, 95) * 10) / 10 },
    communeBreakdownMs: Math.round(Math.max(...bt)),
    api: { rps, failed, concurrency: CONCURRENCY },
    registry: {
      rows: report.rows,
      imported: report.imported,
      failed: report.failed,
      ms: Math.round(importMs),
      peakRssGrowthMb: Math.round((peakRss - rssBefore) / 1e6),
    },
  };
}

/** The benchmark's province: communes, businesses, and the facts and counters of 1 000 000 assessments. */
async function buildData(db: ReturnType<typeof createDb>): Promise<{ facts: number; cells: number }> {
  const rnd = mulberry32(1970);
  // 3 000 communes in the benchmark province (synthetic codes beside the real ones).
  await insertChunked(
    db,
    communes,
    communeCodes.map((code) => ({
      code,
      name: `Xã Thử ${code}`,
      provinceCode: PROVINCE,
      type: 'xã' as const,
      searchKey: `xa thu ${code}`,
    })),
    500,
  );

  // Businesses: fixed attributes; registered in the businesses table (the coverage denominator).
  type Biz = { commune: string; sector: string; size: string; type: string; maturity: number };
  const biz: Biz[] = Array.from({ length: BUSINESSES }, () => ({
    commune: communeCodes[Math.floor(rnd() * COMMUNES)]!,
    sector: SECTORS[Math.floor(rnd() * SECTORS.length)]!,
    size: SIZES[Math.floor(rnd() * SIZES.length)]!,
    type: TYPES[Math.floor(rnd() * TYPES.length)]!,
    maturity: rnd(),
  }));
  const now = new Date();
  await insertChunked(
    db,
    businesses,
    biz.map((b, i) => ({
      name: `DN ${i}`,
      nameSearch: `dn ${i}`,
      sector: b.sector,
      sizeClass: b.size,
      producerType: b.type as 'enterprise',
      communeCode: b.commune,
      createdAt: now,
      updatedAt: now,
    })),
    1000,
  );

  // 1 000 000 assessments → the newest per business and period → counters, as the portal keeps them.
  type Fact = { biz: number; seq: number; level: number; score: number; flags: number; pillars: number[] };
  const newest = new Map<string, Fact>();
  for (let i = 0; i < ASSESSMENTS; i++) {
    const b = Math.floor(rnd() * BUSINESSES);
    const m = biz[b]!.maturity;
    const q = QUARTERS[Math.floor(rnd() * QUARTERS.length)]!;
    const score = Math.round(Math.min(100, Math.max(0, m * 70 + rnd() * 30)) * 100) / 100;
    const fact: Fact = {
      biz: b,
      seq: i,
      level: Math.min(5, Math.floor(score / 17)),
      score,
      flags: Math.floor(rnd() * 64) & (m > 0.2 ? 63 : 1),
      pillars: PILLARS.map(() => Math.round(rnd() * 10000) / 100),
    };
    for (const p of [q, q.slice(0, 4)]) {
      const k = `${p}|${b}`;
      const cur = newest.get(k);
      if (!cur || cur.seq < fact.seq) newest.set(k, fact);
    }
  }
  const cells = new Map<string, Record<string, number | string>>();
  const ccells = new Map<string, Record<string, number | string>>();
  const pcells = new Map<string, Record<string, number | string>>();
  const provPillarRows = new Map<string, Record<string, number | string>>();
  const factRows: (typeof indicatorFacts.$inferInsert)[] = [];
  for (const [k, f] of newest) {
    const period = k.slice(0, k.indexOf('|'));
    const b = biz[f.biz]!;
    const sme = b.size !== 'large' ? 1 : 0;
    const bit = (n: number) => (f.flags >> n) & 1;
    // The same counter arithmetic as the portal (the definition table's counterDelta).
    const stored: StoredFact = {
      frameworkId: 'dbi-sme',
      level: f.level,
      score: f.score,
      inRegistry: 1 - bit(5),
      recommended: 6,
      adoptedRecommended: bit(2) + bit(3),
      sme,
      platform: bit(0),
      digital: f.level >= 1 ? 1 : 0,
      einvoice: bit(1),
      etax: bit(1),
      epayment: bit(2),
      econtract: bit(3),
      ecommerce: bit(4),
    };
    const delta = counterDelta(stored, 1);
    // The stored fact itself, as the portal keeps it (the level distribution per framework and the
    // drill-downs read these): written a chunk at a time.
    factRows.push({
      periodId: period,
      businessId: f.biz + 1,
      assessmentId: f.seq + 1,
      submittedAt: now,
      pillars: PILLARS.map((id, i) => ({ id, score: f.pillars[i]! })),
      communeCode: b.commune,
      sector: b.sector,
      sizeClass: b.size,
      producerType: b.type,
      ...stored,
      recommended: 6,
    });
    if (factRows.length >= 10_000) await insertChunked(db, indicatorFacts, factRows.splice(0), 500);
    const add = (map: Map<string, Record<string, number | string>>, key: string, base: Record<string, string>) => {
      const c = map.get(key) ?? { ...base, ...emptyCounters() };
      for (const k of COUNTER_KEYS) (c[k] as number) += delta[k];
      map.set(key, c);
    };
    add(cells, `${period}|${b.commune}|${b.sector}|${b.size}|${b.type}`, {
      periodId: period,
      communeCode: b.commune,
      sector: b.sector,
      sizeClass: b.size,
      producerType: b.type,
    });
    add(ccells, `${period}|${b.commune}`, { periodId: period, communeCode: b.commune });
    add(pcells, `${period}|${b.sector}|${b.size}|${b.type}`, {
      periodId: period,
      provinceCode: PROVINCE,
      sector: b.sector,
      sizeClass: b.size,
      producerType: b.type,
    });
    for (const [i, pid] of PILLARS.entries()) {
      for (const [map, key, base] of [
        [provPillarRows, `${period}|${b.sector}|${b.size}|${b.type}|${pid}`, { periodId: period, provinceCode: PROVINCE }],
      ] as const) {
        const r = map.get(key) ?? {
          ...base,
          sector: b.sector,
          sizeClass: b.size,
          producerType: b.type,
          frameworkId: 'dbi-sme',
          pillarId: pid,
          n: 0,
          scoreSum: 0,
        };
        (r.n as number)++;
        (r.scoreSum as number) += f.pillars[i]!;
        map.set(key, r);
      }
    }
  }
  await insertChunked(db, indicatorFacts, factRows, 500);
  await insertChunked(db, indicatorCells, [...cells.values()], 500);
  await insertChunked(db, communeCells, [...ccells.values()], 500);
  await insertChunked(db, provinceCells, [...pcells.values()], 500);
  // Commune-level pillar sums (about 6 million rows here) serve commune views only; the province query
  // reads the province cube, so they are left out to keep the benchmark's set-up short.
  await insertChunked(db, provincePillarCells, [...provPillarRows.values()], 1000);
  return { facts: newest.size, cells: cells.size };
}
