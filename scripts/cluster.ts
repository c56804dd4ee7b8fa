// One server worker per core (node:cluster): the workers share the listening socket, the primary only
// watches them. Everything they share (sessions, throttling, change counters) lives in the database.
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/** WEB_CONCURRENCY when set to a positive whole number, else one worker per core. */
export function workerCount(env: Record<string, string | undefined> = process.env): number {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (raw && /^\d+$/.test(raw) && Number(raw) > 0) return Math.min(Number(raw), 64);
  return availableParallelism();
}

// A worker that dies sooner than this after its start counts as crashing at start: wait before the next try.
const QUICK_DEATH_MS = 5_000;
const MAX_BACKOFF_MS = 30_000;
const STOP_GRACE_MS = 10_000;

/**
 * Forks `count` workers running `entry` (the built server) and replaces any that dies, waiting longer
 * each time a worker dies right after starting (a broken build must not spin the CPU). SIGTERM or
 * SIGINT stops the workers gracefully (in-flight requests finish), then the primary exits.
 */
export function serveCluster(entry: string, count: number): void {
  cluster.setupPrimary({ exec: entry });
  const startedAt = new Map<number, number>();
  let backoff = 0;
  let stopping = false;

  const pids = new Set<number>();
  const fork = (): Worker => {
    const w = cluster.fork();
    startedAt.set(w.id, Date.now());
    const pid = w.process.pid;
    if (pid) {
      pids.add(pid);
      w.once('exit', () => pids.delete(pid));
    }
    return w;
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (pids.size === 0) process.exit(0);
      return;
    }
    backoff = lived < QUICK_DEATH_MS ? Math.min(MAX_BACKOFF_MS, Math.max(500, backoff * 2)) : 0;
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another${backoff ? ` in ${backoff} ms` : ''}`);
    setTimeout(fork, backoff);
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    if (workers.length === 0) process.exit(0);
    // Disconnecting closes the worker's server: requests under way finish, idle connections close. A worker
    // still alive after that (an open database handle keeps it running) is ended.
    for (const w of workers) {
      w.once('disconnect', () => setTimeout(() => !w.isDead() && w.process.kill('SIGTERM'), 200));
      w.disconnect();
    }
    setTimeout(() => process.exit(0), STOP_GRACE_MS);
  };
  // Whatever ends the primary ends its workers too: never an orphaned worker holding the database.
  process.on('exit', () => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  for (let i = 0; i < count; i++) fork();
}
