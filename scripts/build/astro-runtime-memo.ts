// Two pure computations Astro's server runtime repeats on every request, kept after their first run (build only):
// - the SHA-256 of each inline style and script of a page, for the Content-Security-Policy header: the same texts
//   every time (the whole inlined stylesheet, tens of KB, hashed per page view);
// - the page module of a route: `import()` of an already loaded module still runs Node's resolver (file system
//   checks and package.json lookups) every time.
// Each patch names the exact text it replaces in Astro's own module. When an Astro upgrade changes that text, the
// build fails here with the file's name, rather than the gain disappearing unseen: update or drop the patch then.
import type { Plugin } from 'vite';

/** Marks the patched code in the build output (a test checks that both patches are there). */
export const MEMO_MARKER = 'portalRuntimeMemo';

type Patch = { file: RegExp; find: string; replace: string };

const PATCHES: Patch[] = [
  {
    file: /[\\/]astro[\\/]dist[\\/]core[\\/]encryption\.js$/,
    find: 'async function generateCspDigest(data, algorithm) {',
    replace: `const ${MEMO_MARKER}Digests = new Map();
function generateCspDigest(data, algorithm) {
  let byAlgorithm = ${MEMO_MARKER}Digests.get(algorithm);
  if (!byAlgorithm) ${MEMO_MARKER}Digests.set(algorithm, (byAlgorithm = new Map()));
  let digest = byAlgorithm.get(data);
  if (!digest) {
    digest = computeCspDigest(data, algorithm);
    if (byAlgorithm.size < 1000) byAlgorithm.set(data, digest);
    digest.catch(() => byAlgorithm.delete(data));
  }
  return digest;
}
async function computeCspDigest(data, algorithm) {`,
  },
  {
    file: /[\\/]astro[\\/]dist[\\/]core[\\/]environment[\\/]production\.js$/,
    find: 'return await importComponentInstance();',
    replace: `let ${MEMO_MARKER}Page = ${MEMO_MARKER}Pages.get(importComponentInstance);
    if (!${MEMO_MARKER}Page) {
      ${MEMO_MARKER}Page = importComponentInstance();
      ${MEMO_MARKER}Pages.set(importComponentInstance, ${MEMO_MARKER}Page);
      ${MEMO_MARKER}Page.catch(() => ${MEMO_MARKER}Pages.delete(importComponentInstance));
    }
    return await ${MEMO_MARKER}Page;`,
  },
];

export function astroRuntimeMemo(): Plugin {
  return {
    name: 'portal:astro-runtime-memo',
    apply: 'build',
    transform(code, id) {
      const patch = PATCHES.find((p) => p.file.test(id.split('?')[0]!));
      if (!patch) return null;
      if (!code.includes(patch.find))
        this.error(`${id}: the text this build patches is gone (Astro changed); update or remove scripts/build/astro-runtime-memo.ts`);
      let out = code.replace(patch.find, patch.replace);
      if (patch === PATCHES[1]) out = `const ${MEMO_MARKER}Pages = new WeakMap();\n${out}`;
      return { code: out, map: null };
    },
  };
}
