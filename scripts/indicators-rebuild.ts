// `npm run indicators:rebuild`: re-derives every indicator fact from the submitted assessments and
// every counter from the facts (one atomic batch), then prints the consistency check.
import { getEnv } from '#src/server/config/env.ts';
import { createDb, openClient, prepareClient } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { checkIndicators, rebuildIndicators } from '#src/server/services/indicator-maintenance.ts';

const env = getEnv();
const client = openClient(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
try {
  await prepareClient(client, env.DATABASE_URL);
  await runMigrations(client);
  const db = createDb(client);
  const before = await checkIndicators(db);
  console.log(before.consistent ? 'Counters were consistent.' : `Counters were out of step:\n  ${before.reasons.join('\n  ')}`);
  const { facts } = await rebuildIndicators(db);
  const after = await checkIndicators(db);
  console.log(`Rebuilt from ${facts} facts; check ${after.consistent ? 'passes' : `fails:\n  ${after.reasons.join('\n  ')}`}.`);
  if (!after.consistent) process.exitCode = 1;
} finally {
  client.close();
}
