import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fillPath, ROUTE_MATRIX, routeFiles, routePath, staleEntries, unmappedRoutes } from '../helpers/route-matrix.ts';

const pagesDir = fileURLToPath(new URL('../../src/pages', import.meta.url));

describe('route scope matrix', () => {
  it('has an entry for every route file under src/pages, and no entry for a file that is gone', () => {
    const files = routeFiles(pagesDir);
    expect(files.length).toBeGreaterThan(40);
    expect(unmappedRoutes(files)).toEqual([]);
    expect(staleEntries(files)).toEqual([]);
    expect(new Set(ROUTE_MATRIX.map((e) => e.file)).size).toBe(ROUTE_MATRIX.length);
  });

  it('a route file added without an entry is reported (the matcher really enumerates the directory)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    try {
      for (const f of ['index.astro', 'businesses/index.astro', 'reports/communes.csv.ts', 'reports/_partial.ts', 'reports/notes.txt']) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        writeFileSync(join(dir, f), '');
      }
      const files = routeFiles(dir);
      // Underscored files and non-route files are not routes.
      expect(files).toEqual(['businesses/index.astro', 'index.astro', 'reports/communes.csv.ts']);
      expect(unmappedRoutes(files)).toEqual(['reports/communes.csv.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('maps files to URL paths and refuses to leave a parameter unfilled', () => {
    expect(routePath('index.astro')).toBe('/');
    expect(routePath('businesses/index.astro')).toBe('/businesses');
    expect(routePath('dashboard/export.csv.ts')).toBe('/dashboard/export.csv');
    expect(routePath('businesses/[id]/assessments/[aid]/index.astro')).toBe('/businesses/[id]/assessments/[aid]');
    expect(fillPath('/businesses/[id]/products/[pid]', { id: 3, pid: 9 })).toBe('/businesses/3/products/9');
    expect(() => fillPath('/businesses/[id]', {})).toThrow(/\[id\]/);
  });
});
