// One fresh process asking the province dashboard's indicator query: the first answer after a start
// (empty statement and page caches, no denominators read yet), then a few more. Run by
// bench/indicators.ts as a child process so "after a start" is a real process start; prints JSON.
import { createDb, openClient, prepareClient } from '#src/db/client.ts';
import { parsePeriod } from '#src/domain/indicators/periods.ts';
import { computeView } from '#src/server/services/indicators.ts';

const [url, provinceCode, periodId, repeats] = process.argv.slice(2);
const client = openClient(url!);
await prepareClient(client, url!);
const db = createDb(client);
const period = parsePeriod(periodId!)!;
const times: number[] = [];
for (let i = 0; i < Number(repeats ?? '10'); i++) {
  const s = performance.now();
  const v = await computeView(db, { period, provinceCode: provinceCode! });
  times.push(performance.now() - s);
  if (i === 0 && v.counters.n === 0) throw new Error('benchmark data missing');
}
client.close();
process.stdout.write(JSON.stringify({ first: times[0], rest: times.slice(1) }));
