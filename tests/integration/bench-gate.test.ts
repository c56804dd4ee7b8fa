// `npm run bench` is the gate of the performance budgets: a run that misses one exits non-zero. Checked on the
// write path, whose budget a run with one client cannot reach (each retake waits for the last), while everything
// else about the run stays right: the exit code follows the budget, not a failure.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SUBMISSIONS_BUDGET_PER_S } from '../../bench/write-path.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run bench as a gate', () => {
  it('a write-path run under its budget (one client for 3 s) exits 1, with nothing lost and the counters consistent', async () => {
    const child = spawn(process.execPath, ['bench/run.ts'], {
      cwd: root,
      env: { ...process.env, BENCH_ONLY: 'write', BENCH_WRITE_CLIENTS: '1', BENCH_WRITE_SECONDS: '3' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    const [code] = await once(child, 'exit');
    const result = JSON.parse(out.slice(out.indexOf('{'))) as {
      ok: boolean;
      perSecond: number;
      submitted: number;
      stored: number;
      lost: number;
      failed: number;
      countersConsistent: boolean;
    };
    expect(result.submitted, err).toBeGreaterThan(0);
    expect(result.perSecond).toBeLessThan(SUBMISSIONS_BUDGET_PER_S);
    expect([result.stored, result.lost, result.failed, result.countersConsistent]).toEqual([result.submitted, 0, 0, true]);
    expect(result.ok).toBe(false);
    expect(code).toBe(1);
  }, 180_000);
});
