import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every route file under src/pages, with what kind of access it grants. tests/integration/scope.test.ts
 * drives each kind for every role; a route file without an entry fails the tests (see
 * tests/unit/route-matrix.test.ts), so a new list or export cannot ship without a scope check.
 */
export type RouteKind =
  /** Anyone, logged in or not: published data only. */
  | 'public'
  /** The logged-in user's own account. */
  | 'own-account'
  /** One business: 200 for whoever may see it, 404 outside the actor's scope. */
  | 'business-view'
  /** One business, changed by its editors (owner, helper of its commune, admin); 404 outside scope, 403 for officers. */
  | 'business-edit'
  /** Lists, searches, exports, drill-downs and counts: only businesses inside the actor's scope. */
  | 'scoped-list'
  /** Staff register a producer and choose its commune: only inside their scope. */
  | 'staff-form'
  /** The whole province's staff (administrator, province officer). */
  | 'province-staff'
  | 'admin-only';

export type RouteEntry = { file: string; kind: RouteKind; method?: 'GET' | 'POST' };

export const ROUTE_MATRIX: RouteEntry[] = [
  { file: '.well-known/security.txt.ts', kind: 'public' },
  { file: '404.astro', kind: 'public' },
  { file: 'account/data.astro', kind: 'own-account' },
  { file: 'account/data.json.ts', kind: 'own-account' },
  { file: 'account/index.astro', kind: 'own-account' },
  { file: 'admin/frameworks.astro', kind: 'admin-only' },
  { file: 'admin/contacts.astro', kind: 'admin-only' },
  { file: 'admin/index.astro', kind: 'admin-only' },
  { file: 'admin/indicators.astro', kind: 'admin-only' },
  { file: 'admin/platforms/[id].astro', kind: 'admin-only' },
  { file: 'admin/platforms/export.csv.ts', kind: 'admin-only' },
  { file: 'admin/platforms/index.astro', kind: 'admin-only' },
  { file: 'admin/platforms/new.astro', kind: 'admin-only' },
  { file: 'admin/registry.astro', kind: 'province-staff' },
  { file: 'admin/registry/template.csv.ts', kind: 'province-staff' },
  { file: 'admin/registry/template.xlsx.ts', kind: 'province-staff' },
  { file: 'admin/stories.astro', kind: 'province-staff' },
  { file: 'admin/takeovers.astro', kind: 'province-staff' },
  { file: 'admin/targets.astro', kind: 'province-staff' },
  { file: 'admin/users.astro', kind: 'admin-only' },
  { file: 'api/v1/frameworks/[id].ts', kind: 'public' },
  { file: 'api/v1/frameworks/index.ts', kind: 'public' },
  { file: 'api/v1/indicators.ts', kind: 'public' },
  { file: 'api/v1/ocop-products.ts', kind: 'public' },
  { file: 'api/v1/openapi.json.ts', kind: 'public' },
  { file: 'api/v1/pains.ts', kind: 'public' },
  { file: 'api/v1/platform-categories.ts', kind: 'public' },
  { file: 'api/v1/platforms/[id].ts', kind: 'public' },
  { file: 'api/v1/platforms/index.ts', kind: 'public' },
  { file: 'api/v1/score.ts', kind: 'public', method: 'POST' },
  { file: 'assisted/index.astro', kind: 'scoped-list' },
  { file: 'assisted/new.astro', kind: 'staff-form' },
  { file: 'businesses/[id]/assessment/[page].astro', kind: 'business-edit' },
  { file: 'businesses/[id]/assessment/index.astro', kind: 'business-edit' },
  { file: 'businesses/[id]/assessment/profile.astro', kind: 'business-edit' },
  { file: 'businesses/[id]/assessment/review.astro', kind: 'business-edit' },
  { file: 'businesses/[id]/assessments/[aid]/index.astro', kind: 'business-view' },
  { file: 'businesses/[id]/assessments/[aid]/share.png.ts', kind: 'business-view' },
  { file: 'businesses/[id]/assessments/index.astro', kind: 'business-view' },
  { file: 'businesses/[id]/claim-code.astro', kind: 'business-edit', method: 'POST' },
  { file: 'businesses/[id]/consents.astro', kind: 'business-view' },
  { file: 'businesses/[id]/history.astro', kind: 'business-view' },
  { file: 'businesses/[id]/help/[rid].astro', kind: 'business-view' },
  { file: 'businesses/[id]/help/index.astro', kind: 'business-view' },
  { file: 'businesses/[id]/index.astro', kind: 'business-view' },
  { file: 'businesses/[id]/plan.ts', kind: 'business-edit', method: 'POST' },
  { file: 'businesses/[id]/products/[pid].astro', kind: 'business-view' },
  { file: 'businesses/[id]/products/new.astro', kind: 'business-edit' },
  { file: 'businesses/index.astro', kind: 'scoped-list' },
  { file: 'claim.astro', kind: 'public' },
  { file: 'dashboard/businesses.astro', kind: 'scoped-list' },
  { file: 'dashboard/businesses.csv.ts', kind: 'scoped-list' },
  { file: 'dashboard/businesses.xlsx.ts', kind: 'scoped-list' },
  { file: 'dashboard/figures.astro', kind: 'province-staff' },
  { file: 'dashboard/export.csv.ts', kind: 'scoped-list' },
  { file: 'dashboard/export.xlsx.ts', kind: 'scoped-list' },
  { file: 'dashboard/index.astro', kind: 'scoped-list' },
  { file: 'error.astro', kind: 'public' },
  { file: 'healthz.ts', kind: 'public' },
  { file: 'index.astro', kind: 'public' },
  { file: 'login.astro', kind: 'public' },
  { file: 'logout.ts', kind: 'public', method: 'POST' },
  { file: 'ocop/[pid].astro', kind: 'public' },
  { file: 'ocop/index.astro', kind: 'public' },
  // A photo of a product /ocop shows; a hidden product's photo is 404 for anyone who may not see its producer.
  { file: 'ocop/photos/[file].ts', kind: 'public' },
  { file: 'open-data.astro', kind: 'public' },
  { file: 'platforms/[id].astro', kind: 'public' },
  { file: 'platforms/index.astro', kind: 'public' },
  { file: 'privacy.astro', kind: 'public' },
  { file: 'register.astro', kind: 'public' },
  { file: 'share/[token].astro', kind: 'public' },
  { file: 'share/[token].png.ts', kind: 'public' },
  { file: 'takeover.astro', kind: 'public' },
  { file: 'welcome.astro', kind: 'own-account' },
  { file: 'worklist.astro', kind: 'scoped-list' },
];

/** Route files under a pages directory, as paths relative to it with forward slashes. */
export function routeFiles(pagesDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      // Astro routes every .astro/.ts/.js/.md file that does not start with an underscore.
      else if (/\.(astro|ts|js|mjs|md|mdx|html)$/.test(e.name) && !e.name.startsWith('_'))
        out.push(relative(pagesDir, full).split(sep).join('/'));
    }
  };
  walk(pagesDir);
  return out.sort();
}

export function entryFor(file: string, matrix: RouteEntry[] = ROUTE_MATRIX): RouteEntry | undefined {
  return matrix.find((e) => e.file === file);
}

/** Route files with no entry: each one is a failure. */
export function unmappedRoutes(files: string[], matrix: RouteEntry[] = ROUTE_MATRIX): string[] {
  return files.filter((f) => !entryFor(f, matrix));
}

/** Entries whose file is gone (kept tidy so the matrix always describes the real routes). */
export function staleEntries(files: string[], matrix: RouteEntry[] = ROUTE_MATRIX): string[] {
  return matrix.filter((e) => !files.includes(e.file)).map((e) => e.file);
}

/** The URL path of a route file: `dashboard/export.csv.ts` → `/dashboard/export.csv`, `businesses/index.astro` → `/businesses`. */
export function routePath(file: string): string {
  const p = '/' + file.replace(/\.(astro|ts|js|mjs|md|mdx|html)$/, '').replace(/(^|\/)index$/, '');
  return p === '/' ? '/' : p.replace(/\/$/, '');
}

/** Fills `[param]` segments from a map; throws when one is missing so no entry is silently skipped. */
export function fillPath(path: string, params: Record<string, string | number>): string {
  return path.replace(/\[(\w+)\]/g, (_, k: string) => {
    if (params[k] === undefined) throw new Error(`no value for [${k}] in ${path}`);
    return String(params[k]);
  });
}
