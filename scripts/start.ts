// `npm start`: build when the sources are newer than the build, migrate and seed (once, here in the primary),
// then serve with one worker per core (WEB_CONCURRENCY overrides).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareDatabase } from './seed/boot.ts';
import { getEnv } from '#src/server/config/env.ts';
import { serveCluster, workerCount } from './cluster.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'dist/server/entry.mjs');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function needsBuild(): boolean {
  if (!existsSync(entry)) return true;
  const built = statSync(entry).mtimeMs;
  const inputs = ['src', 'public', 'astro.config.mjs', 'scripts/build', 'package-lock.json'].map((p) => newestMtime(join(root, p)));
  return Math.max(...inputs) > built;
}

if (needsBuild()) {
  console.log('Building the portal…');
  const astro = join(root, 'node_modules/.bin/astro');
  const res = spawnSync(astro, ['build'], { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const env = getEnv();
const report = await prepareDatabase(env);
if (report.admin.created) {
  if (report.admin.generated) {
    console.log('\n================================================================');
    console.log(' First administrator created (shown once, change it after login):');
    console.log(`   login:    ${report.admin.email}`);
    console.log(`   password: ${report.admin.password}`);
    console.log('================================================================\n');
  } else {
    console.log(`Administrator ${report.admin.email} created from ADMIN_EMAIL/ADMIN_PASSWORD.`);
  }
}
if (report.demo) {
  console.log('Demo data seeded (SEED_DEMO=0 to skip). Demo logins:');
  for (const d of report.demo) console.log(`   ${d.role.padEnd(9)} ${d.login}  /  ${d.password}`);
}
process.env.HOST ??= '0.0.0.0';
process.env.PORT ??= '4321';
const workers = workerCount();
console.log(`Serving on ${process.env.HOST}:${process.env.PORT} with ${workers} worker(s) (WEB_CONCURRENCY to change).`);
serveCluster(entry, workers);
