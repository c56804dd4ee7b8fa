// `npm test`: unit, integration (real built server, real libSQL temp files) and end-to-end (real Chromium).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);

function run(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n▶ ${label}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  const ok = res.status === 0;
  console.log(ok ? `✔ ${label}` : `✘ ${label} (exit ${res.status ?? res.signal})`);
  return ok;
}

const chromium = ensureChromium();
const env = { ...process.env, CHROMIUM_PATH: chromium, ASTRO_TELEMETRY_DISABLED: '1' };
const results: [string, boolean][] = [];
const build = run('build', bin('astro'), ['build'], env);
results.push(['build', build]);
results.push(['typecheck', run('type check (astro check)', bin('astro'), ['check'], env)]);
results.push(['unit', run('unit tests', bin('vitest'), ['run'], env)]);
if (build) {
  results.push(['integration', run('integration tests', bin('vitest'), ['run', '--config', 'vitest.integration.config.ts'], env)]);
  results.push(['e2e', run('end-to-end tests', bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts'], env)]);
}
console.log('\nSummary:');
for (const [name, ok] of results) console.log(`  ${ok ? 'passed' : 'FAILED'}  ${name}`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
