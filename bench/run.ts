// `npm run bench`: performance budgets, reported with their numbers. Exits non-zero when one is missed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from '../scripts/ensure-chromium.ts';
import { benchQuestionnairePage, FIRST_RENDER_BUDGET_MS, JS_BUDGET_BYTES } from './questionnaire-page.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
process.env.CHROMIUM_PATH = ensureChromium();
if (!existsSync(join(root, 'dist/server/entry.mjs')) || process.argv.includes('--build')) {
  const res = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) process.exit(1);
}

const results: Record<string, unknown> = {};
let ok = true;

const q = await benchQuestionnairePage();
results.questionnairePage = q;
ok &&= q.ok;
const sorted = [...q.fcpMs].sort((a, b) => a - b);
console.log('\nQuestionnaire page (slow 4G, 4× CPU, 360 px):');
console.log(`  JavaScript: ${q.jsFiles} file(s), ${(q.jsGzipBytes / 1024).toFixed(1)} KB gzip (budget ${JS_BUDGET_BYTES / 1024} KB) ${q.jsGzipBytes <= JS_BUDGET_BYTES ? 'OK' : 'OVER'}`);
console.log(`  First contentful paint: p50 ${sorted[Math.floor(sorted.length / 2)]} ms, worst ${sorted.at(-1)} ms over ${sorted.length} loads (budget < ${FIRST_RENDER_BUDGET_MS} ms) ${sorted.at(-1)! < FIRST_RENDER_BUDGET_MS ? 'OK' : 'OVER'}`);

mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify({ at: new Date().toISOString(), ...results }, null, 2));
process.exit(ok ? 0 : 1);
