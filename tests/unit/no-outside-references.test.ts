// Every document the tree refers to is in the repository: a reader of a comment or a doc can open what it
// cites. Facts from outside live in docs/ (e.g. docs/domain.md) with their public sources.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SCANNED = [
  'src',
  'tests',
  'scripts',
  'bench',
  'docs',
  'db',
  'README.md',
  'astro.config.mjs',
  'eslint.config.mjs',
  'drizzle.config.ts',
];
const SKIP = new Set(['node_modules', 'migrations', 'results']);
const TEXT = /\.(ts|tsx|mts|mjs|astro|md|css|json)$/;
const self = fileURLToPath(import.meta.url);

function walk(path: string, out: string[] = []): string[] {
  if (!existsSync(path)) return out;
  if (statSync(path).isFile()) {
    if (TEXT.test(path)) out.push(path);
    return out;
  }
  for (const name of readdirSync(path)) if (!SKIP.has(name)) walk(join(path, name), out);
  return out;
}

const files = SCANNED.flatMap((p) => walk(join(root, p))).filter((f) => f !== self);
const rel = (f: string) => relative(root, f);

/** Where each line of each file matches `re`, as "file:line: text". */
function hits(re: RegExp, pick: (file: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const f of files.filter(pick)) {
    readFileSync(f, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (re.test(line)) out.push(`${rel(f)}:${i + 1}: ${line.trim()}`);
      });
  }
  return out;
}

describe('references to documents', () => {
  it('scans the tree', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('never point at a folder or notes outside the repository', () => {
    expect(hits(/\.\.\/shared\b|\bshared\/(domain|docs)\b|TECH-NOTES|\bsources\.md\b|\bSTYLE\.md\b|domain\/README/)).toEqual([]);
  });

  it('resolve inside the repository for every relative markdown link', () => {
    const broken: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.md'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.split('#')[0]!;
        if (!target || /^[a-z]+:/i.test(target)) continue;
        if (!existsSync(resolve(dirname(f), target))) broken.push(`${rel(f)}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('resolve inside the repository for every .md path a file names', () => {
    const broken: string[] = [];
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/(?<![\w/.-])((?:\.{1,2}\/)*[\w-]+(?:\/[\w.-]+)*\.md)\b/g)) {
        const path = m[1]!;
        const found = [resolve(root, path), resolve(dirname(f), path)].some((p) => p.startsWith(root) && existsSync(p));
        if (!found) broken.push(`${rel(f)}: ${path}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
