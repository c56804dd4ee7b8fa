import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'portal-start-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

describe('npm start (scripts/start.ts)', () => {
  it('migrates and seeds a new embedded database, prints the first admin once, and serves /healthz', async () => {
    const port = await freePort();
    // No ADMIN_EMAIL/ADMIN_PASSWORD: the first admin gets a random password, printed once.
    const { ADMIN_EMAIL: _e, ADMIN_PASSWORD: _p, ...base } = process.env;
    const env = { ...base, DATABASE_URL: `file:${join(dir, 'portal.db')}`, PORT: String(port), HOST: '127.0.0.1' };
    child = spawn(process.execPath, [join(root, 'scripts/start.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const deadline = Date.now() + 120_000;
    let health: Response | undefined;
    while (Date.now() < deadline) {
      try {
        health = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (health.ok) break;
      } catch {
        // not yet listening
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(health?.status, out).toBe(200);
    expect(await health!.json()).toEqual({ status: 'ok', db: 'ok' });
    expect(out).toMatch(/First administrator created[\s\S]*password: \S{16}/);
    expect(out).toContain('demo-doanhnghiep@example.com');
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(home).toContain('Doanh nghiệp của bạn đã chuyển đổi số đến đâu?');
  }, 150_000);
});
