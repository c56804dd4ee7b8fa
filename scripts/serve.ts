// Serves the built portal (dist/) with WEB_CONCURRENCY workers (default: one per core) on a database that is
// already migrated: what `npm start` runs after its build and migration steps; tests and the benchmark use it too.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveCluster, workerCount } from './cluster.ts';

const entry = join(fileURLToPath(new URL('..', import.meta.url)), 'dist/server/entry.mjs');
serveCluster(entry, workerCount());
