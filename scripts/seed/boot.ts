import { getEnv, type Env } from '#src/server/config/env.ts';
import { createDb, openClient, prepareClient } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { ensureAdmin, seedDemo, seedReference, type DemoLogin } from './seed.ts';
import { ensureIndicatorsConsistent } from '#src/server/services/indicator-maintenance.ts';
import { CLAIM_CODE_SECRET_NAME, ensureServerSecret } from '#src/server/config/secrets.ts';

export type BootReport = {
  admin: Awaited<ReturnType<typeof ensureAdmin>>;
  demo: DemoLogin[] | null;
};

/** Everything a fresh or existing database needs before the server takes requests. */
export async function prepareDatabase(
  env: Env = getEnv(),
  now = new Date(),
  log: (line: string) => void = console.log,
): Promise<BootReport> {
  const client = openClient(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    await prepareClient(client, env.DATABASE_URL);
    await runMigrations(client);
    const db = createDb(client);
    await seedReference(db);
    if (!env.CLAIM_CODE_SECRET) await ensureServerSecret(db, CLAIM_CODE_SECRET_NAME, now);
    const demo = env.SEED_DEMO === '1' ? await seedDemo(db, { provinceCode: env.PROVINCE_CODE, now }) : null;
    // Counters must agree with the stored assessments before anyone reads them (a crash of an older
    // version, a definition change, a hand edit): a cheap check, and a rebuild when it fails.
    await ensureIndicatorsConsistent(db, log);
    const admin = await ensureAdmin(db, {
      email: env.ADMIN_EMAIL,
      password: env.ADMIN_PASSWORD,
      provinceCode: env.PROVINCE_CODE,
      now,
    });
    return { admin, demo };
  } finally {
    client.close();
  }
}
