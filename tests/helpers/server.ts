import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { prepareDatabase } from '../../scripts/seed/boot.ts';
import { getEnv } from '#src/server/config/env.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN = { email: 'admin@test.example.vn', password: 'admin-test-password' };

export type TestServer = {
  url: string;
  dbUrl: string;
  db: Client;
  stop: () => Promise<void>;
  /** Everything the server wrote to stdout and stderr so far. */
  logs: () => string;
  /** The server process (the cluster's primary when it runs several workers). */
  pid: number;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the built server on a free port with its own temp libSQL file, migrated and seeded. One process
 * unless `workers` asks for several (then through scripts/serve.ts, as `npm start` runs them).
 */
export async function startServer(opts: { demo?: boolean; env?: Record<string, string>; workers?: number } = {}): Promise<TestServer> {
  const entry = join(root, 'dist/server/entry.mjs');
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` (npm test does it for you)');
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const dbUrl = `file:${join(dir, 'portal.db')}`;
  const envVars: Record<string, string> = {
    DATABASE_URL: dbUrl,
    SEED_DEMO: opts.demo ? '1' : '0',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    PROVINCE_CODE: '37',
    ...opts.env,
  };
  await prepareDatabase(getEnv(envVars));
  const port = await freePort();
  const clustered = (opts.workers ?? 1) > 1;
  const child: ChildProcess = spawn(process.execPath, [clustered ? join(root, 'scripts/serve.ts') : entry], {
    cwd: root,
    env: {
      ...process.env,
      ...envVars,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...(clustered ? { WEB_CONCURRENCY: String(opts.workers) } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const db = createClient({ url: dbUrl });
  return {
    url,
    dbUrl,
    db,
    logs: () => output,
    pid: child.pid!,
    stop: async () => {
      db.close();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
      // TEST_SERVER_LOGS=DIR keeps each test server's log (a 500's cause) after the run.
      if (process.env.TEST_SERVER_LOGS) {
        mkdirSync(process.env.TEST_SERVER_LOGS, { recursive: true });
        writeFileSync(join(process.env.TEST_SERVER_LOGS, `server-${port}.log`), output);
      }
    },
  };
}
