// `npm run lint:cycles`: fails when modules under src/ or scripts/ import each other in a circle
// (type-only imports included: a circle of types is still two modules that cannot be understood apart).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOTS = ['src', 'scripts'];
const EXT = /\.(ts|tsx|mts|astro)$/;
const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (EXT.test(name)) out.push(p);
  }
  return out;
}

/**
 * The import circles among the modules under `roots` of the project at `root`, each as its modules'
 * paths relative to `root`, sorted. Exported so a test can plant a circle in a temp tree.
 */
export function findCircles(root: string, roots: readonly string[] = ROOTS): { modules: number; circles: string[][] } {
  const resolveSpec = (from: string, spec: string): string | null => {
    let target: string;
    if (spec.startsWith('#src/')) target = join(root, 'src', spec.slice('#src/'.length));
    else if (spec.startsWith('./') || spec.startsWith('../')) target = resolve(dirname(from), spec);
    else return null;
    return existsSync(target) && statSync(target).isFile() ? target : null;
  };

  const files = roots.flatMap((r) => walk(join(root, r)));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const deps = new Set<string>();
    for (const m of readFileSync(file, 'utf8').matchAll(SPEC)) {
      const t = resolveSpec(file, m[2]!);
      if (t && EXT.test(t)) deps.add(t);
    }
    edges.set(file, [...deps]);
  }

  // Tarjan's strongly connected components: every component with more than one module is a circle.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  function visit(v: string): void {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (edges.get(v) ?? []).includes(v)) circles.push(comp);
    }
  }
  for (const f of files) if (!idx.has(f)) visit(f);

  const show = (p: string) => relative(root, p).split(sep).join('/');
  return { modules: files.length, circles: circles.map((c) => c.map(show).sort()) };
}

// Run as a script (`node scripts/check-cycles.ts`), not when a test imports it.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { modules, circles } = findCircles(fileURLToPath(new URL('..', import.meta.url)));
  if (circles.length) {
    console.error(`${circles.length} import circle(s):`);
    for (const c of circles) console.error(`  ${c.join(' ↔ ')}`);
    process.exit(1);
  }
  console.log(`No import circles among ${modules} modules.`);
}
