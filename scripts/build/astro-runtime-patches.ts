// Work Astro's server runtime repeats on every request, done once or skipped (build only). Two pure computations,
// kept after their first run:
// - the SHA-256 of each inline style and script of a page, for the Content-Security-Policy header: the same texts
//   every time (the whole inlined stylesheet, tens of KB, hashed per page view);
// - the page module of a route: `import()` of an already loaded module still runs Node's resolver (file system
//   checks and package.json lookups) every time.
// And the Node adapter looks for a static file (two file system calls, one through the thread pool) before every
// request, even a form POST: static files are served to GET and HEAD only.
// Each patch names the exact text it replaces in Astro's own module. When an Astro upgrade changes that text, the
// build fails here with the file's name, rather than the gain disappearing unseen: update or drop the patch then.
import type { Plugin } from 'vite';

/** Marks the patched code in the build output (a test checks that every patch is there). */
export const MEMO_MARKER = 'portalRuntimeMemo';

type Patch = { file: RegExp; find: string; replace: string; before?: string };

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
    before: `const ${MEMO_MARKER}Pages = new WeakMap();`,
  },
  {
    file: /[\\/]@astrojs[\\/]node[\\/]dist[\\/]serve-static\.js$/,
    find: `  return (req, res, ssr) => {
    if (req.url) {`,
    replace: `  return (req, res, ssr) => {
    if (!${MEMO_MARKER}StaticMethod(req.method)) return ssr();
    if (req.url) {`,
    before: `function ${MEMO_MARKER}StaticMethod(method) {
  return method === "GET" || method === "HEAD";
}`,
  },
];

export function astroRuntimePatches(): Plugin {
  return {
    name: 'portal:astro-runtime-patches',
    apply: 'build',
    transform(code, id) {
      const patch = PATCHES.find((p) => p.file.test(id.split('?')[0]!));
      if (!patch) return null;
      if (!code.includes(patch.find))
        this.error(`${id}: the text this build patches is gone (Astro changed); update or remove scripts/build/astro-runtime-patches.ts`);
      const out = code.replace(patch.find, patch.replace);
      return { code: patch.before ? `${patch.before}\n${out}` : out, map: null };
    },
  };
}
