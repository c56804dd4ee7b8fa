// `npm run bench`: performance budgets, reported with their numbers. Exits non-zero when one is missed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureChromium } from '../scripts/ensure-chromium.ts';
import { benchQuestionnairePage, FIRST_RENDER_BUDGET_MS, JS_BUDGET_BYTES } from './questionnaire-page.ts';
import { API_BUDGET_RPS, benchIndicators, QUERY_BUDGET_MS } from './indicators.ts';
import { DASHBOARD_BUDGET_MS } from './dashboard-page.ts';
import { benchUploads, LONG_LINE_BUDGET_MS } from './uploads.ts';
import { reportHttp } from './http-report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
process.env.CHROMIUM_PATH = ensureChromium();
if (!existsSync(join(root, 'dist/server/entry.mjs')) || process.argv.includes('--build')) {
  const res = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) process.exit(1);
}

const results: Record<string, unknown> = {};
let ok = true;

// BENCH_ONLY=indicators runs the indicators part alone (with BENCH_DB to keep its database between runs).
// BENCH_ONLY=write runs the write path alone (to profile it).
const only = process.env.BENCH_ONLY;
if (only === 'write') {
  const { benchWritePath } = await import('./write-path.ts');
  const write = await benchWritePath(Number(process.env.BENCH_WRITE_WORKERS ?? '2'));
  console.log(JSON.stringify(write, null, 2));
  process.exit(write.ok ? 0 : 1);
}
// BENCH_ONLY=routes runs the public routes against the floor, and the catalog route on two workers against one.
if (only === 'routes') {
  const { benchPublicRoutes } = await import('./public-routes.ts');
  const { printRoutes } = await import('./http-report.ts');
  const routes = await benchPublicRoutes();
  printRoutes(routes);
  process.exit(routes.ok ? 0 : 1);
}
// BENCH_ONLY=write-compare BENCH_COMPARE=DIR runs the write path of this build and of another built checkout in DIR
// (for instance `git worktree add DIR <commit>`, its node_modules, `npx astro build` there) at the same time, each
// against its own server and database: both meet the same host speed, which on a shared virtual machine moves by
// half between runs minutes apart. Prints the ratios; budgets do not apply (each gets about half of the cores).
if (only === 'write-compare') {
  const other = process.env.BENCH_COMPARE ? resolve(process.env.BENCH_COMPARE) : '';
  if (!other || !existsSync(join(other, 'dist/server/entry.mjs')) || !existsSync(join(other, 'bench/write-path.ts'))) {
    console.error('BENCH_COMPARE must name another checkout of the portal with its build (dist/) and bench/write-path.ts');
    process.exit(2);
  }
  type Run = { perSecond: number; failed: number; lost: number; cpuMsPerSubmission: { server: number | null } };
  type Bench = (workers: number) => Promise<Run>;
  const ours = (await import('./write-path.ts')).benchWritePath as Bench;
  const theirs = (await import(pathToFileURL(join(other, 'bench/write-path.ts')).href)).benchWritePath as Bench;
  const rounds = Math.max(1, Number(process.env.BENCH_COMPARE_ROUNDS ?? '2'));
  const pairs: { ours: Run; theirs: Run }[] = [];
  for (let round = 0; round < rounds; round++) {
    // Each round the other one starts first.
    const first = round % 2 === 0 ? ours(2) : theirs(2);
    await new Promise((r) => setTimeout(r, 50));
    const second = round % 2 === 0 ? theirs(2) : ours(2);
    const [a, b] = await Promise.all([first, second]);
    pairs.push(round % 2 === 0 ? { ours: a, theirs: b } : { ours: b, theirs: a });
  }
  for (const [i, p] of pairs.entries()) {
    const cpu = p.ours.cpuMsPerSubmission.server && p.theirs.cpuMsPerSubmission.server;
    console.log(
      `round ${i + 1}: this build ${p.ours.perSecond} submissions/s (${p.ours.cpuMsPerSubmission.server} ms server CPU each), ` +
        `${other} ${p.theirs.perSecond}/s (${p.theirs.cpuMsPerSubmission.server} ms); ` +
        `rate × ${(p.ours.perSecond / p.theirs.perSecond).toFixed(2)}` +
        (cpu ? `, CPU per submission × ${(p.ours.cpuMsPerSubmission.server! / p.theirs.cpuMsPerSubmission.server!).toFixed(2)}` : '') +
        `; failed ${p.ours.failed}/${p.theirs.failed}, lost ${p.ours.lost}/${p.theirs.lost}`,
    );
  }
  process.exit(pairs.every((p) => p.ours.failed === 0 && p.ours.lost === 0) ? 0 : 1);
}
if (!only) {
  const q = await benchQuestionnairePage();
  results.questionnairePage = q;
  ok &&= q.ok;
  const sorted = [...q.fcpMs].sort((a, b) => a - b);
  console.log('\nQuestionnaire page (slow 4G, 4× CPU, 360 px):');
  console.log(
    `  JavaScript: ${q.jsFiles} file(s), ${(q.jsGzipBytes / 1024).toFixed(1)} KB gzip (budget ${JS_BUDGET_BYTES / 1024} KB) ${q.jsGzipBytes <= JS_BUDGET_BYTES ? 'OK' : 'OVER'}`,
  );
  console.log(
    `  First contentful paint: p50 ${sorted[Math.floor(sorted.length / 2)]} ms, worst ${sorted.at(-1)} ms over ${sorted.length} loads (budget < ${FIRST_RENDER_BUDGET_MS} ms) ${sorted.at(-1)! < FIRST_RENDER_BUDGET_MS ? 'OK' : 'OVER'}`,
  );
  const bare = [...q.oneLinePageFcpMs].sort((a, b) => a - b);
  console.log(
    `  A one-line page from a bare Node server, the same way (what this machine's browser needs for any page): p50 ${bare[Math.floor(bare.length / 2)]} ms, worst ${bare.at(-1)} ms (reported, not budgeted)`,
  );
}

const ind = await benchIndicators();
results.indicators = ind;
const firstOk = ind.provinceQueryFirstAfterStartMs.every((t) => t < QUERY_BUDGET_MS);
const queryOk = ind.provinceQuery.p95 < QUERY_BUDGET_MS && firstOk;
const pageOk = ind.dashboardPage.p95 < DASHBOARD_BUDGET_MS;
const apiOk = ind.api.rps >= API_BUDGET_RPS && ind.api.failed === 0;
const importOk = ind.registry.imported === 100_000 && ind.registry.failed === 0;
// The public API's throughput is budgeted against the framework's floor in the HTTP benchmarks below.
ok &&= queryOk && pageOk && importOk;
console.log(
  `\nIndicators (1 000 000 assessments, 3 000 communes, ${ind.facts} newest-per-period facts, ${ind.cells} commune cells; setup ${Math.round(ind.setupMs / 1000)} s):`,
);
console.log(
  `  Province dashboard indicator query, first query after start included: p50 ${ind.provinceQuery.p50} ms, p95 ${ind.provinceQuery.p95} ms (budget < ${QUERY_BUDGET_MS} ms) ${queryOk ? 'OK' : 'OVER'}`,
);
console.log(
  `  First query after a fresh process start (${ind.provinceQueryFirstAfterStartMs.length} starts): ${ind.provinceQueryFirstAfterStartMs.join(', ')} ms (each < ${QUERY_BUDGET_MS} ms) ${firstOk ? 'OK' : 'OVER'}`,
);
console.log(
  `  Whole dashboard page over HTTP (cards, indicators, trend, breakdown over all communes; ${ind.dashboardPage.samples} requests over fresh servers, ${Math.round(ind.dashboardPage.htmlBytes / 1024)} KB, ${ind.dashboardPage.tableRows} table rows): p50 ${ind.dashboardPage.p50} ms, p95 ${ind.dashboardPage.p95} ms, first page after start ${ind.dashboardPage.firstAfterStartMs.join(', ')} ms (budget < ${DASHBOARD_BUDGET_MS} ms) ${pageOk ? 'OK' : 'OVER'}`,
);
console.log(
  `  The same page, every request a new question (another breakdown dimension or order, so not from the page's cache; ${ind.dashboardPageNewQuestions.samples} requests): p50 ${ind.dashboardPageNewQuestions.p50} ms, p95 ${ind.dashboardPageNewQuestions.p95} ms (reported, not budgeted)`,
);
console.log(`  Breakdown over all 3 000 communes (service call): ${ind.communeBreakdownMs} ms`);
console.log('  What the dashboard reads, one call at a time in-process (p50 / p95):');
for (const [name, t] of Object.entries(ind.dashboardSections)) console.log(`    ${name}: ${t.p50} / ${t.p95} ms`);
console.log(
  `  Open-data answer computed from scratch: p50 ${ind.publicUncachedMs.p50} ms, p95 ${ind.publicUncachedMs.p95} ms (then cached up to 30 s or until counters change)`,
);
console.log(
  `  Public indicators API: ${ind.api.rps} requests/s at concurrency ${ind.api.concurrency}, ${ind.api.failed} failed (was budgeted ≥ ${API_BUDGET_RPS}; now against the floor below) ${apiOk ? 'OK' : 'UNDER'}`,
);
console.log(
  `  Registry import: ${ind.registry.imported}/${ind.registry.rows} rows in ${ind.registry.ms} ms, peak RSS growth ${ind.registry.peakRssGrowthMb} MB ${importOk ? 'OK' : 'FAILED'}`,
);

if (!only) {
  const up = await benchUploads();
  results.uploads = up;
  const longLineOk = [up.longLine8Mb, up.longLine64Mb].every((r) => r.refused !== null && r.ms < LONG_LINE_BUDGET_MS);
  const rowsOk = up.rows100k.refused === null && up.rows100k.rows === 100_000;
  ok &&= longLineOk && rowsOk;
  console.log('\nUploads (multipart stream + registry parser, no database):');
  console.log(
    `  One 8 MB line: refused in ${up.longLine8Mb.ms} ms; one 64 MB line: refused in ${up.longLine64Mb.ms} ms (budget < ${LONG_LINE_BUDGET_MS} ms; was 4.7 s for 8 MB) ${longLineOk ? 'OK' : 'OVER'}`,
  );
  console.log(`  100 000 rows (${up.rows100k.megabytes} MB): parsed in ${up.rows100k.ms} ms ${rowsOk ? 'OK' : 'FAILED'}`);

  const http = await reportHttp();
  Object.assign(results, http.results);
  ok &&= http.ok;
}

mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify({ at: new Date().toISOString(), ...results }, null, 2));
process.exit(ok ? 0 : 1);
