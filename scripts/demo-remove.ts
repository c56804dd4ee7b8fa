// `npm run demo:remove`: deletes every demo row (businesses, assessments, OCOP products, help
// requests, targets, demo accounts), takes them out of the indicator counters, and stops later
// starts from seeding the demo again. A running server drops its cached public pages within a second,
// but keeps its cached denominators for up to a minute: stop it first (or restart it after).
import { createDb, openClient, prepareClient } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { getEnv } from '#src/server/config/env.ts';
import { removeDemo } from './seed/demo.ts';

const env = getEnv();
const client = openClient(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
try {
  await prepareClient(client, env.DATABASE_URL);
  await runMigrations(client);
  const report = await removeDemo(createDb(client), new Date());
  console.log(
    `Đã xóa dữ liệu mẫu / Demo data removed: ${report.businesses} businesses, ${report.products} OCOP products, ${report.targets} targets, ${report.accounts} accounts.`,
  );
} finally {
  client.close();
}
