// What each read of the officer dashboard costs: the service calls `dashboardData` makes, timed one at a
// time in this process (the page asks them together), then `dashboardData` as a whole. The page over
// HTTP minus the whole is rendering, the session and the network.
import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { users } from '#src/db/schema/index.ts';
import { communeNamesOf, levelsByFramework } from '#src/db/queries/dashboard.ts';
import { previousPeriod, type Period } from '#src/domain/indicators/periods.ts';
import { computeBreakdown, computeTrend, computeView, targetsOf } from '#src/server/services/indicators.ts';
import { provinceFiguresFor } from '#src/server/services/province-figures.ts';
import { dashboardData } from '#src/server/services/dashboard.ts';
import type { Actor } from '#src/server/auth/guards.ts';

/** Wall-clock p50/p95 and the median CPU time of this process (steadier than wall time on a shared machine). */
export type SectionTimes = Record<string, { p50: number; p95: number; cpu: number }>;

async function timed(repeats: number, f: () => Promise<unknown>): Promise<{ p50: number; p95: number; cpu: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    await f();
    times.push(performance.now() - s);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const at = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
  };
  return { p50: at(times, 50), p95: at(times, 95), cpu: at(cpu, 50) };
}

export async function dashboardSections(db: Db, provinceCode: string, period: Period, email: string, repeats = 20): Promise<SectionTimes> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const { passwordHash: _hidden, ...actor } = user!;
  const filter = { period, provinceCode };
  const trend: Period[] = [period];
  for (let i = 0; i < (period.kind === 'quarter' ? 7 : 3); i++) trend.unshift(previousPeriod(trend[0]!));
  const url = new URL(`http://bench/dashboard?period=${period.id}`);
  const out: SectionTimes = {};
  out['commune names'] = await timed(repeats, () => communeNamesOf(db, provinceCode));
  out['indicator view (cards, table, pillar means)'] = await timed(repeats, () => computeView(db, filter));
  out[`trend (${trend.length - 1} earlier periods)`] = await timed(repeats, () => computeTrend(db, filter, trend.slice(0, -1)));
  out['breakdown over every commune'] = await timed(repeats, () => computeBreakdown(db, filter, 'commune'));
  out['levels per framework'] = await timed(repeats, () => levelsByFramework(db, { periodId: period.id, provinceCode }));
  out['targets and province figures'] = await timed(repeats, () => Promise.all([targetsOf(db, ''), provinceFiguresFor(db, period.id)]));
  out['dashboardData as a whole'] = await timed(repeats, () => dashboardData(db, actor as Actor, url, provinceCode, new Date()));
  return out;
}
