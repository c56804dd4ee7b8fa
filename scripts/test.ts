// `npm test`: unit, integration (real built server, real libSQL temp files) and end-to-end (real Chromium).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const reports = mkdtempSync(join(tmpdir(), 'portal-test-reports-'));
const counts = { passed: 0, failed: 0, skipped: 0 };

/** Runs one vitest suite with an extra JSON report, so the totals can be added up at the end. */
function vitest(label: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  const out = join(reports, `${label}.json`);
  const ok = run(
    `${label} tests`,
    bin('vitest'),
    ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    counts.passed += r.numPassedTests;
    counts.failed += r.numFailedTests;
    counts.skipped += r.numPendingTests + r.numTodoTests;
  } else if (!ok) {
    counts.failed += 1;
  }
  return ok;
}

const chromium = ensureChromium();
const env = { ...process.env, CHROMIUM_PATH: chromium, ASTRO_TELEMETRY_DISABLED: '1' };
const results: [string, boolean][] = [];
const build = run('build', bin('astro'), ['build'], env);
results.push(['build', build]);
results.push(['typecheck', run('type check (astro check)', bin('astro'), ['check'], env)]);
// The layer rules and the import-circle check (package.json "lint"); a violation fails the run like a type error.
results.push(['lint', run('lint (npm run lint)', 'npm', ['run', '--silent', 'lint'], env)]);
results.push(['unit', vitest('unit', [], env)]);
if (build) {
  results.push(['integration', vitest('integration', ['--config', 'vitest.integration.config.ts'], env)]);
  results.push(['e2e', vitest('e2e', ['--config', 'vitest.e2e.config.ts'], env)]);
}
console.log('\nSummary:');
for (const [name, ok] of results) console.log(`  ${ok ? 'passed' : 'FAILED'}  ${name}`);
const allOk = results.every(([, ok]) => ok);
// A plain closing line that CI reads whatever the runner; a failed build, type check or lint counts as a failure.
const stepFailures = results.filter(([name, ok]) => !ok && (name === 'build' || name === 'typecheck' || name === 'lint')).length;
console.log(`\n${counts.passed} passed, ${counts.failed + stepFailures} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(allOk ? 0 : 1);
