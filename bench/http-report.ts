// The HTTP benchmarks (public routes against the framework's floor, workers, the write path), printed.
import { availableParallelism } from 'node:os';
import { benchPublicRoutes, FLOOR_SHARE_BUDGET } from './public-routes.ts';
import { benchWritePath, SUBMISSIONS_BUDGET_PER_S } from './write-path.ts';

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The public routes' figures and the catalog route's two workers against one, printed. */
export function printRoutes(routes: Awaited<ReturnType<typeof benchPublicRoutes>>) {
  console.log(
    `\nPublic routes against an empty Astro page (${routes.floor.page} requests/s) and endpoint (${routes.floor.endpoint} requests/s), same adapter, one process, ${routes.connections} connections, ${routes.seconds} s each, Accept-Encoding: ${routes.acceptEncoding}:`,
  );
  for (const r of routes.routes)
    console.log(
      `  ${r.route.padEnd(32)} ${String(r.rps).padStart(6)} requests/s  ${pct(r.share).padStart(6)} of the ${r.floor} floor (budget ≥ ${pct(FLOOR_SHARE_BUDGET)})  p50 ${r.p50} ms${r.errors || r.non2xx ? `  ${r.errors + r.non2xx} failed` : ''} ${r.share >= FLOOR_SHARE_BUDGET && !r.errors && !r.non2xx ? 'OK' : 'UNDER'}`,
    );
  const w = routes.catalogWorkers;
  console.log(
    `  /platforms on two workers against one, ${w.rounds.length === 1 ? 'one round' : `${w.rounds.length} rounds in turns`}, load from ${w.generator}: × ${w.ratio} (median of ${w.rounds.map((r) => `× ${r.ratio}`).join(', ')})`,
  );
  for (const [i, r] of w.rounds.entries())
    console.log(
      `    round ${i + 1}: ${r.two.rps} requests/s against ${r.one.rps}; cores used (CPU s per s): server ${r.two.serverCores ?? '?'} against ${r.one.serverCores ?? '?'}, load generator ${r.two.loadGeneratorCores} against ${r.one.loadGeneratorCores}; ${availableParallelism()} cores in all`,
    );
  if (w.generator !== 'wrk')
    console.log(
      "    (Debian's wrk was not found: autocannon in this process made the load, and its own CPU bounds the ratio on two cores.)",
    );
}

export async function reportHttp(): Promise<{ ok: boolean; results: Record<string, unknown> }> {
  const routes = await benchPublicRoutes();
  printRoutes(routes);

  const write = await benchWritePath();
  console.log(
    `\nWrite path: ${write.clients} clients, ${write.workers} workers, ${write.seconds} s of complete assessment submissions (start, profile, submit):`,
  );
  console.log(
    `  ${write.perSecond} submissions/s (budget ≥ ${SUBMISSIONS_BUDGET_PER_S}); submit p50 ${write.submitLatencyMs.p50} ms, p95 ${write.submitLatencyMs.p95} ms; whole retake p95 ${write.cycleLatencyMs.p95} ms`,
  );
  console.log(
    `  CPU per submission: server ${write.cpuMsPerSubmission.server ?? '?'} ms, clients ${write.cpuMsPerSubmission.clients ?? '?'} ms; load average ${write.loadAverage.start} at the start, ${write.loadAverage.end} at the end; calibration ${write.calibrationMs} ms (fixed JSON work: higher means a slower machine right now)`,
  );
  console.log(
    `  ${write.submitted} submitted, ${write.stored} stored, ${write.lost} lost, ${write.failed} failed; counters ${write.countersConsistent ? 'consistent' : `INCONSISTENT: ${write.countersReasons.join('; ')}`} ${write.ok ? 'OK' : write.perSecond < SUBMISSIONS_BUDGET_PER_S ? 'UNDER BUDGET' : 'FAILED'}`,
  );
  // The same write path on one worker: the server's own work dominates there, so the ratio shows the second core
  // at work (on the cached catalog route above, the load generator in this process needs as much CPU as the server).
  const one = await benchWritePath(1);
  const writeRatio = Math.round((write.perSecond / Math.max(1, one.perSecond)) * 100) / 100;
  console.log(
    `  The same on one worker: ${one.perSecond} submissions/s (server CPU ${one.cpuMsPerSubmission.server ?? '?'} ms per submission); two workers against one: × ${writeRatio}`,
  );
  return {
    ok: routes.ok && write.ok,
    results: { publicRoutes: routes, writePath: write, writePathOneWorker: one, writePathWorkersRatio: writeRatio },
  };
}
