// The README's folder map and docs/architecture.md describe the tree as it is: every path they name exists, and
// every folder of src, src/server, tests and docs (and every docs page) is named in one of them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const architecture = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
const folderMap = readme.slice(readme.indexOf('## Folders')).split('```')[1] ?? '';
const PATH = /(?:^|[\s`(])((?:src|db|tests|scripts|bench|docs)\/[\w./-]*|astro\.config\.mjs)/g;

function namedPaths(text: string): string[] {
  return [...text.matchAll(PATH)].map((m) => m[1]!.replace(/[.,;:)]+$/, '')).filter((p) => !p.includes('…'));
}

describe('the folder map matches the tree', () => {
  it('the README has a folder map', () => {
    expect(folderMap.split('\n').length).toBeGreaterThan(10);
  });

  it('every path the folder map and docs/architecture.md name exists', () => {
    // `db/seed` is named only as the old seeding folder that the lint rules keep out of src.
    const missing = [...namedPaths(folderMap), ...namedPaths(architecture)].filter((p) => p !== 'db/seed' && !existsSync(join(root, p)));
    expect(missing).toEqual([]);
  });

  it('every folder of src, src/server, tests and docs, and every docs page, is named in the map or the architecture page', () => {
    const named = folderMap + architecture;
    const entries = (dir: string, dirsOnly: boolean) =>
      readdirSync(join(root, dir), { withFileTypes: true })
        .filter((e) => (dirsOnly ? e.isDirectory() : e.isDirectory() || e.name.endsWith('.md')))
        .map((e) => `${dir}/${e.name}`);
    const expected = [...entries('src', true), ...entries('src/server', true), ...entries('tests', true), ...entries('docs', false)];
    expect(expected.filter((p) => !named.includes(p))).toEqual([]);
  });
});
