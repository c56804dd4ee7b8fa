import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, taxCodeFrom } from '../helpers/http.ts';
import { entryFor, fillPath, ROUTE_MATRIX, routeFiles, routePath, unmappedRoutes, type RouteEntry } from '../helpers/route-matrix.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';

// Role × scope × route: every list, search, export, drill-down and count shows only what the actor may
// open, and every detail outside the actor's scope is a 404. Driven from the route files themselves.

const PAGES = fileURLToPath(new URL('../../src/pages', import.meta.url));
const DEMO_PASSWORD = 'demo-portal-2025';

type Biz = {
  id: number;
  communeCode: string;
  provinceCode: string;
  name: string;
  nameSearch: string;
  taxCode: string | null;
  producerType: string;
};
type ActorName = 'anonymous' | 'business' | 'helperC' | 'helperD' | 'officerC' | 'officerD' | 'provinceOfficer' | 'admin';
type Actor = {
  name: ActorName;
  role: 'anonymous' | 'business' | 'helper' | 'officer' | 'admin';
  client: Browserless;
  /** The actor's scope, as the test understands it (independent of the server's code). */
  sees: (b: Pick<Biz, 'id' | 'communeCode' | 'provinceCode'>) => boolean;
  /** The commune a commune-scoped actor is tied to. */
  commune?: string;
};

let server: TestServer;
let communeC = '';
let communeD = '';
let nameC = '';
let nameD = '';
let all: Biz[] = [];
let bizC: Biz;
let bizD: Biz;
let outsider: Biz;
let moved: Biz;
const fixtures = new Map<number, { aid: number; pid: number }>();
/** The help request of each business that has one (for /businesses/[id]/help/[rid]). */
const helpRequestOf = new Map<number, number>();
const actors = new Map<ActorName, Actor>();
/** Per actor, the business pages already opened successfully (avoids re-requesting the same link). */
const opened = new Map<ActorName, Set<string>>();

async function rows<T>(sql: string, args: (string | number)[] = []): Promise<T[]> {
  return (await server.db.execute({ sql, args })).rows as unknown as T[];
}

async function login(login: string, password: string): Promise<Browserless> {
  const c = new Browserless(server.url);
  expect((await c.post('/login', { login, password })).status).toBe(303);
  return c;
}

async function loadBusinesses(): Promise<Biz[]> {
  return rows<Biz>(
    'SELECT b.id AS id, b.commune_code AS communeCode, c.province_code AS provinceCode, b.name AS name, b.name_search AS nameSearch, b.tax_code AS taxCode, b.producer_type AS producerType FROM businesses b JOIN communes c ON c.code = b.commune_code',
  ).then((r) => r.map((b) => ({ ...b, id: Number(b.id) })));
}

const byId = (id: number) => all.find((b) => b.id === id)!;

/** Every `/businesses/<id>` link in a page: each must be inside the actor's scope and open for them. */
async function assertLinksInScope(actor: Actor, html: string, context: string): Promise<number[]> {
  const ids = [...new Set([...html.matchAll(/href="(?:\/en)?\/businesses\/(\d+)"/g)].map((m) => Number(m[1])))];
  for (const id of ids) {
    const b = byId(id);
    expect(b, `${context}: link to unknown business ${id}`).toBeDefined();
    expect(actor.sees(b), `${context}: ${actor.name} is shown business ${id} (commune ${b.communeCode}) outside their scope`).toBe(true);
    const seen = opened.get(actor.name)!;
    if (!seen.has(`/businesses/${id}`)) {
      const res = await actor.client.get(`/businesses/${id}`);
      expect(res.status, `${context}: ${actor.name} cannot open /businesses/${id} that the list shows`).toBe(200);
      seen.add(`/businesses/${id}`);
    }
  }
  return ids;
}

function expectLoginRedirect(res: Response, context: string) {
  expect(res.status, context).toBe(303);
  expect(res.headers.get('location') ?? '', context).toMatch(/\/login/);
}

beforeAll(async () => {
  server = await startServer({ demo: true });
  const [helper] = await rows<{ c: string }>("SELECT scope_commune_code AS c FROM users WHERE email = 'demo-totruong@example.com'");
  communeC = String(helper!.c);
  const [d] = await rows<{ code: string }>(
    "SELECT b.commune_code AS code FROM businesses b JOIN communes c ON c.code = b.commune_code WHERE c.province_code = '37' AND b.commune_code <> ? GROUP BY b.commune_code ORDER BY count(*) DESC, b.commune_code LIMIT 1",
    [communeC],
  );
  communeD = String(d!.code);
  nameC = String((await rows<{ n: string }>('SELECT name AS n FROM communes WHERE code = ?', [communeC]))[0]!.n);
  nameD = String((await rows<{ n: string }>('SELECT name AS n FROM communes WHERE code = ?', [communeD]))[0]!.n);

  // A business of another province: no province officer of this one may see it.
  const [otherCommune] = await rows<{ code: string }>("SELECT code FROM communes WHERE province_code <> '37' ORDER BY code LIMIT 1");
  await server.db.execute({
    sql: "INSERT INTO businesses (tax_code, name, name_search, producer_type, commune_code, sector, employees, created_at, updated_at) VALUES (?, 'Công ty Ngoài Tỉnh 100%', 'cong ty ngoai tinh 100%', 'enterprise', ?, 'C', 20, 0, 0)",
    args: [taxCodeFrom('799000001'), otherCommune!.code],
  });
  await server.db.execute({
    sql: "INSERT INTO businesses (name, name_search, producer_type, commune_code, contact_phone, created_at, updated_at) VALUES ('Hợp tác xã Ngoài Tỉnh', 'hop tac xa ngoai tinh', 'cooperative', ?, '+84912999888', 0, 0)",
    args: [otherCommune!.code],
  });

  // Businesses of C and D with a submitted assessment (they show up in the drill-down).
  const withResult = (commune: string) =>
    rows<{ id: number }>(
      "SELECT b.id AS id FROM businesses b WHERE b.commune_code = ? AND EXISTS (SELECT 1 FROM assessments a WHERE a.business_id = b.id AND a.status = 'submitted') ORDER BY b.id",
      [commune],
    );
  const inC = await withResult(communeC);
  const inD = await withResult(communeD);
  expect(inC.length).toBeGreaterThanOrEqual(2);
  expect(inD.length).toBeGreaterThanOrEqual(1);
  // The demo business owner owns a business of C.
  await server.db.execute({
    sql: "UPDATE users SET business_id = ? WHERE email = 'demo-doanhnghiep@example.com'",
    args: [Number(inC[0]!.id)],
  });

  const admin = await login(ADMIN.email, ADMIN.password);
  for (const [role, login] of [
    ['helper', 'helper-d@example.com'],
    ['officer', 'canbo-d@example.com'],
  ] as const) {
    const res = await admin.post('/admin/users', {
      role,
      displayName: `${role} D`,
      login,
      password: 'mat-khau-pham-vi-d',
      communeCode: communeD,
    });
    expect(res.status).toBe(200);
    expect(await rows('SELECT id FROM users WHERE email = ? AND scope_commune_code = ?', [login, communeD])).toHaveLength(1);
  }
  // Help requests in both communes, for the worklist.
  for (const id of [Number(inC[0]!.id), Number(inC[1]!.id), Number(inD[0]!.id)]) {
    const inserted = await server.db.execute({
      sql: "INSERT INTO help_requests (business_id, need, kind, consent_vendor, status, created_at, updated_at) VALUES (?, 'einvoice', 'advice', 0, 'new', 0, 0)",
      args: [id],
    });
    helpRequestOf.set(id, Number(inserted.lastInsertRowid));
  }

  // A business moved from C to D after its last submitted assessment: its facts still say C.
  moved = { id: Number(inC[1]!.id) } as Biz;
  expect((await admin.post(`/businesses/${moved.id}/assessment`, {})).status).toBe(303);
  const movedProfile = await admin.post(`/businesses/${moved.id}/assessment/profile`, {
    sector: 'C',
    producerType: 'enterprise',
    employees: '12',
    revenueMillion: '',
    capitalMillion: '',
    communeCode: communeD,
  });
  expect(movedProfile.status).toBe(303);

  all = await loadBusinesses();
  bizC = byId(Number(inC[0]!.id));
  bizD = byId(Number(inD[0]!.id));
  moved = byId(moved.id);
  outsider = all.find((b) => b.provinceCode !== '37')!;
  expect(moved.communeCode).toBe(communeD);

  for (const b of [bizC, bizD]) {
    const res = await admin.post(`/businesses/${b.id}/products/new`, {
      intent: 'product',
      name: `Sản phẩm ${b.id}`,
      group: 'food',
      stars: '4',
      certificateNo: `OCOP-${b.id}`,
      certificateYear: '2024',
      communeCode: b.communeCode,
      description: '',
    });
    expect(res.status).toBe(303);
    const pid = Number(/\/products\/(\d+)/.exec(res.headers.get('location')!)![1]);
    const [a] = await rows<{ id: number }>(
      "SELECT id FROM assessments WHERE business_id = ? AND status = 'submitted' ORDER BY id LIMIT 1",
      [b.id],
    );
    fixtures.set(b.id, { aid: Number(a!.id), pid });
  }

  const inProvince = (b: Pick<Biz, 'provinceCode'>) => b.provinceCode === '37';
  const list: Actor[] = [
    { name: 'anonymous', role: 'anonymous', client: new Browserless(server.url), sees: () => false },
    {
      name: 'business',
      role: 'business',
      client: await login('demo-doanhnghiep@example.com', DEMO_PASSWORD),
      sees: (b) => b.id === bizC.id,
    },
    {
      name: 'helperC',
      role: 'helper',
      client: await login('demo-totruong@example.com', DEMO_PASSWORD),
      sees: (b) => b.communeCode === communeC,
      commune: communeC,
    },
    {
      name: 'helperD',
      role: 'helper',
      client: await login('helper-d@example.com', 'mat-khau-pham-vi-d'),
      sees: (b) => b.communeCode === communeD,
      commune: communeD,
    },
    {
      name: 'officerC',
      role: 'officer',
      client: await login('demo-canbo-xa@example.com', DEMO_PASSWORD),
      sees: (b) => b.communeCode === communeC,
      commune: communeC,
    },
    {
      name: 'officerD',
      role: 'officer',
      client: await login('canbo-d@example.com', 'mat-khau-pham-vi-d'),
      sees: (b) => b.communeCode === communeD,
      commune: communeD,
    },
    { name: 'provinceOfficer', role: 'officer', client: await login('demo-canbo-tinh@example.com', DEMO_PASSWORD), sees: inProvince },
    { name: 'admin', role: 'admin', client: admin, sees: () => true },
  ];
  for (const a of list) {
    actors.set(a.name, a);
    opened.set(a.name, new Set());
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

const actorList = () => [...actors.values()];

// ---------------------------------------------------------------------------------------------
// Item 1: the attack as reported.

describe('attack: a scoped search leaks the whole province', () => {
  it('a helper searching "9" (every tax code starts with 9) sees only their commune, not the province', async () => {
    const helper = actors.get('helperC')!;
    const html = await (await helper.client.get('/businesses?q=9')).text();
    const total = Number(/(\d+) doanh nghiệp trong phạm vi của bạn/.exec(html)![1]);
    expect(total).toBe(all.filter((b) => b.communeCode === communeC).length);
    await assertLinksInScope(helper, html, 'helper ?q=9');
  });

  it('LIKE wildcards typed by a user match themselves only ("%" and "_" do not list everyone)', async () => {
    const officer = actors.get('provinceOfficer')!;
    for (const q of ['%', '_', '100%']) {
      const html = await (await officer.client.get(`/businesses?q=${encodeURIComponent(q)}`)).text();
      const total = Number(/(\d+) doanh nghiệp trong phạm vi của bạn/.exec(html)![1]);
      expect(total, q).toBe(0);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The route matrix.

describe('route matrix', () => {
  it('every route file under src/pages has an entry (a new route without one fails here)', () => {
    expect(unmappedRoutes(routeFiles(PAGES))).toEqual([]);
  });

  const paramsFor = (b: Biz): Record<string, string | number> => ({
    id: b.id,
    aid: fixtures.get(b.id)!.aid,
    pid: fixtures.get(b.id)!.pid,
    rid: helpRequestOf.get(b.id)!,
    page: 1,
  });

  async function request(actor: Actor, entry: RouteEntry, path: string): Promise<Response> {
    return entry.method === 'POST' ? actor.client.post(path, {}) : actor.client.get(path);
  }

  const kinds = (k: RouteEntry['kind']) => ROUTE_MATRIX.filter((e) => e.kind === k);

  it('public routes answer everyone without a login and without an error', async () => {
    const [platform] = await rows<{ id: string }>('SELECT id FROM platforms ORDER BY id LIMIT 1');
    const params = { id: 'dbi-sme', pid: fixtures.get(bizC.id)!.pid, token: 'khong-ton-tai', file: 'khong-ton-tai.webp' };
    for (const entry of kinds('public')) {
      const path = fillPath(
        routePath(entry.file),
        entry.file.startsWith('platforms/') || entry.file.startsWith('api/v1/platforms/') ? { id: platform!.id } : params,
      );
      // A POST to a public route (logout) would end the actors' sessions: anonymous only.
      for (const actor of entry.method === 'POST' ? [actors.get('anonymous')!] : actorList()) {
        const res = await request(actor, entry, path);
        expect(res.status, `${actor.name} ${entry.method ?? 'GET'} ${path}`).toBeLessThan(500);
        expect([401, 403], `${actor.name} ${path}`).not.toContain(res.status);
        if (res.status === 303) expect(res.headers.get('location') ?? '', `${actor.name} ${path}`).not.toMatch(/\/login/);
      }
    }
  });

  it('admin-only and province-staff routes: the login for anonymous, 403 for everyone else', async () => {
    const [platform] = await rows<{ id: string }>('SELECT id FROM platforms ORDER BY id LIMIT 1');
    for (const entry of [...kinds('admin-only'), ...kinds('province-staff')]) {
      const path = fillPath(routePath(entry.file), { id: platform!.id });
      for (const actor of actorList()) {
        const res = await request(actor, entry, path);
        const allowed = actor.name === 'admin' || (entry.kind === 'province-staff' && actor.name === 'provinceOfficer');
        if (actor.role === 'anonymous') expectLoginRedirect(res, `${actor.name} ${path}`);
        else expect(res.status, `${actor.name} ${path}`).toBe(allowed ? 200 : 403);
      }
    }
  });

  it('own-account routes: the login for anonymous; a business gets only its own data', async () => {
    for (const entry of kinds('own-account')) {
      const path = routePath(entry.file);
      for (const actor of actorList()) {
        const res = await request(actor, entry, path);
        if (actor.role === 'anonymous') expectLoginRedirect(res, `${actor.name} ${path}`);
        else if (actor.role === 'business') {
          expect(res.status, path).toBe(200);
          if (path.endsWith('.json')) {
            const text = await res.text();
            expect(text).toContain(bizC.name);
            expect(text).not.toContain(bizD.name);
          }
        } else expect([200, 403], `${actor.name} ${path}`).toContain(res.status);
      }
    }
  });

  it('business pages: 404 outside the scope for every role, open inside it', async () => {
    for (const entry of [...kinds('business-view'), ...kinds('business-edit')]) {
      for (const target of [bizC, bizD]) {
        const path = fillPath(routePath(entry.file), paramsFor(target));
        for (const actor of actorList()) {
          const res = await request(actor, entry, path);
          const context = `${actor.name} ${entry.method ?? 'GET'} ${path} (${entry.kind})`;
          if (actor.role === 'anonymous') {
            if (entry.method === 'POST') expect(res.status, context).toBe(401);
            else expectLoginRedirect(res, context);
          } else if (!actor.sees(target)) expect(res.status, context).toBe(404);
          else if (entry.kind === 'business-view') expect(res.status, context).toBe(200);
          else if (actor.role === 'officer') expect(res.status, context).toBe(403);
          else expect([200, 303, 400, 403, 409], context).toContain(res.status);
        }
      }
    }
    // Another province's business is out of the province officer's reach too.
    expect((await actors.get('provinceOfficer')!.client.get(`/businesses/${outsider.id}`)).status).toBe(404);
  });

  it('staff forms: only helpers and administrators register producers, helpers only in their commune', async () => {
    for (const entry of kinds('staff-form')) {
      const path = routePath(entry.file);
      for (const actor of actorList()) {
        const res = await actor.client.get(path);
        if (actor.role === 'anonymous') expectLoginRedirect(res, `${actor.name} ${path}`);
        else expect(res.status, `${actor.name} ${path}`).toBe(actor.role === 'helper' || actor.role === 'admin' ? 200 : 403);
      }
    }
    const res = await actors.get('helperC')!.client.post('/assisted/new', {
      producerType: 'household',
      displayName: 'Hộ ông Trần Văn Ba',
      businessName: '',
      phone: '0912 000 111',
      taxCode: '',
      communeCode: communeD,
      consentedBy: 'Trần Văn Ba',
      relation: 'self',
      method: 'assisted_verbal',
      consent_processing: 'true',
    });
    expect(res.status).toBe(303);
    const id = Number(/\/businesses\/(\d+)/.exec(res.headers.get('location')!)![1]);
    const [row] = await rows<{ c: string }>('SELECT commune_code AS c FROM businesses WHERE id = ?', [id]);
    expect(row!.c).toBe(communeC);
    all = await loadBusinesses();
  });

  // Each scoped-list route has its own checker: the test fails for a scoped-list entry without one.
  const LIST_CHECKS: Record<string, () => Promise<void>> = {
    'businesses/index.astro': async () => {
      const firstWord = bizC.name.split(' ').slice(-1)[0]!;
      const queries = [
        '',
        '7',
        '9',
        '%',
        '_',
        "'",
        'a OR 1=1',
        "' OR '1'='1",
        '100%',
        firstWord,
        toSearchKey(firstWord),
        bizC.taxCode!.slice(0, 5),
        'Hà Nội',
        'đ',
      ];
      for (const actor of actorList()) {
        for (const q of queries) {
          const path = `/businesses${q ? `?q=${encodeURIComponent(q)}` : ''}`;
          const res = await actor.client.get(path);
          if (actor.role === 'anonymous') {
            expectLoginRedirect(res, path);
            continue;
          }
          if (actor.role === 'business') {
            expect(res.status, path).toBe(403);
            continue;
          }
          expect(res.status, `${actor.name} ${path}`).toBe(200);
          const html = await res.text();
          const key = toSearchKey(q);
          const expected = all.filter(
            (b) => actor.sees(b) && (!key || b.nameSearch.includes(key) || (b.taxCode ?? '').startsWith(key)),
          ).length;
          const total = Number(/(\d+) doanh nghiệp trong phạm vi của bạn/.exec(html)![1]);
          expect(total, `${actor.name} ${path}`).toBe(expected);
          const ids = await assertLinksInScope(actor, html, `${actor.name} ${path}`);
          expect(ids.length, `${actor.name} ${path}`).toBe(Math.min(50, expected));
        }
      }
    },
    'assisted/index.astro': async () => {
      for (const actor of actorList()) {
        const res = await actor.client.get('/assisted');
        if (actor.role === 'anonymous') expectLoginRedirect(res, '/assisted');
        else if (actor.role === 'business') expect(res.status).toBe(403);
        else {
          expect(res.status, actor.name).toBe(200);
          const ids = await assertLinksInScope(actor, await res.text(), `${actor.name} /assisted`);
          const expected = all.filter((b) => actor.sees(b) && b.producerType !== 'enterprise').length;
          expect(ids.length, actor.name).toBe(Math.min(500, expected));
        }
      }
    },
    'worklist.astro': async () => {
      const requests = await rows<{ businessId: number; status: string }>('SELECT business_id AS businessId, status FROM help_requests');
      for (const actor of actorList()) {
        for (const status of ['', 'new', 'done']) {
          const path = `/worklist${status ? `?status=${status}` : ''}`;
          const res = await actor.client.get(path);
          if (actor.role === 'anonymous') expectLoginRedirect(res, path);
          else if (actor.role === 'business') expect(res.status).toBe(403);
          else {
            expect(res.status, `${actor.name} ${path}`).toBe(200);
            const ids = await assertLinksInScope(actor, await res.text(), `${actor.name} ${path}`);
            // The demo worklist mixes statuses (new, contacted, done): a filtered list shows only its own.
            const expected = new Set(
              requests
                .filter((r) => (status === '' || r.status === status) && actor.sees(byId(Number(r.businessId))))
                .map((r) => Number(r.businessId)),
            );
            expect(ids.sort(), `${actor.name} ${path}`).toEqual([...expected].sort());
          }
        }
      }
    },
    'dashboard/businesses.astro': async () => {
      for (const actor of actorList()) {
        for (const query of ['', 'flag=einvoice', `commune=${communeC}`, `commune=${communeD}`, 'flag=notInRegistry&period=2026']) {
          const path = `/dashboard/businesses${query ? `?${query}` : ''}`;
          const res = await actor.client.get(path);
          if (actor.role === 'anonymous') {
            expectLoginRedirect(res, path);
            continue;
          }
          if (actor.role === 'business' || actor.role === 'helper') {
            expect(res.status, `${actor.name} ${path}`).toBe(403);
            continue;
          }
          expect(res.status, `${actor.name} ${path}`).toBe(200);
          const html = await res.text();
          const ids = await assertLinksInScope(actor, html, `${actor.name} ${path}`);
          // The list comes a page at a time: every page's businesses are checked and added up.
          for (let page = 2, more = /rel="next"/.test(html); more; page++) {
            const next = await (await actor.client.get(`/dashboard/businesses?${query ? `${query}&` : ''}page=${page}`)).text();
            ids.push(...(await assertLinksInScope(actor, next, `${actor.name} ${path} page ${page}`)));
            more = /rel="next"/.test(next);
          }
          const period = /· (\d{4}(?:-Q\d)?)<\/h1>/.exec(html)![1]!;
          const params = new URLSearchParams(query);
          const flag = params.get('flag');
          const facts = await rows<{ businessId: number; factCommune: string; einvoice: number; inRegistry: number }>(
            "SELECT f.business_id AS businessId, f.commune_code AS factCommune, f.einvoice AS einvoice, f.in_registry AS inRegistry FROM indicator_facts f JOIN communes c ON c.code = f.commune_code WHERE f.period_id = ? AND c.province_code = '37'",
            [period],
          );
          const filterCommune = actor.commune ?? params.get('commune');
          const expected = facts.filter(
            (f) =>
              actor.sees(byId(Number(f.businessId))) &&
              (!filterCommune || f.factCommune === filterCommune) &&
              (flag !== 'einvoice' || Number(f.einvoice) === 1) &&
              (flag !== 'notInRegistry' || Number(f.inRegistry) === 0),
          );
          expect(ids.sort(), `${actor.name} ${path}`).toEqual([...new Set(expected.map((f) => Number(f.businessId)))].sort());
          expect(html, `${actor.name} ${path}`).toContain(`${expected.length} doanh nghiệp`);
        }
      }
    },
    'dashboard/businesses.csv.ts': async () => {
      for (const actor of actorList()) {
        for (const query of [
          'period=2026',
          'flag=einvoice&side=not',
          `commune=${communeC}&flag=all`,
          `commune=${communeD}&flag=platform`,
        ]) {
          const path = `/dashboard/businesses.csv?${query}`;
          const res = await actor.client.get(path);
          if (actor.role === 'anonymous') {
            expectLoginRedirect(res, path);
            continue;
          }
          if (actor.role === 'business' || actor.role === 'helper') {
            expect(res.status, `${actor.name} ${path}`).toBe(403);
            continue;
          }
          expect(res.status, `${actor.name} ${path}`).toBe(200);
          const lines = (await res.text()).split(/\r?\n/);
          const period = /Kỳ (\d{4}(?:-Q\d)?);/.exec(lines.find((l) => l.startsWith('Bộ lọc'))!)![1]!;
          const header = lines.findIndex((l) => l.startsWith('Mã DN (Id)'));
          const ids = lines
            .slice(header + 1)
            .filter(Boolean)
            .map((l) => Number(l.split(',')[0]));
          for (const id of ids) expect(actor.sees(byId(id)), `${actor.name} ${path}: business ${id} outside the scope`).toBe(true);
          const params = new URLSearchParams(query);
          const flag = params.get('flag') ?? 'all';
          const facts = await rows<{ businessId: number; factCommune: string; einvoice: number; platform: number; sme: number }>(
            "SELECT f.business_id AS businessId, f.commune_code AS factCommune, f.einvoice AS einvoice, f.platform AS platform, f.sme AS sme FROM indicator_facts f JOIN communes c ON c.code = f.commune_code WHERE f.period_id = ? AND c.province_code = '37'",
            [period],
          );
          const filterCommune = actor.commune ?? params.get('commune');
          const expected = facts.filter(
            (f) =>
              actor.sees(byId(Number(f.businessId))) &&
              (!filterCommune || f.factCommune === filterCommune) &&
              (flag !== 'einvoice' || Number(f.einvoice) === 0) &&
              (flag !== 'platform' || (Number(f.sme) === 1 && Number(f.platform) === 1)),
          );
          // Non-adopters of a need share also depend on whether the questionnaire asks the need: only the subset is checked here
          // (tests/integration/outreach.test.ts checks that both sides add up to the denominator).
          if (flag !== 'einvoice') expect(ids.sort(), `${actor.name} ${path}`).toEqual(expected.map((f) => Number(f.businessId)).sort());
          else
            expect(
              ids.every((id) => expected.some((f) => Number(f.businessId) === id)),
              `${actor.name} ${path}`,
            ).toBe(true);
        }
      }
    },
    'dashboard/businesses.xlsx.ts': async () => {
      for (const actor of actorList()) {
        const path = `/dashboard/businesses.xlsx?commune=${communeD}&flag=all`;
        const res = await actor.client.get(path);
        if (actor.role === 'anonymous') expectLoginRedirect(res, path);
        else if (actor.role === 'business' || actor.role === 'helper') expect(res.status, `${actor.name} ${path}`).toBe(403);
        else {
          expect(res.status, `${actor.name} ${path}`).toBe(200);
          const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
          const unitName = actor.commune === communeC ? nameC : nameD;
          expect(text, `${actor.name} ${path}`).toContain(unitName);
          if (actor.commune === communeC && !nameC.includes(nameD)) expect(text, `${actor.name} ${path}`).not.toContain(nameD);
          for (const b of all.filter((x) => !actor.sees(x) && x.name.length > 8))
            expect(text, `${actor.name} ${path}: ${b.name}`).not.toContain(`<t xml:space="preserve">${b.name}</t>`);
        }
      }
    },
    'dashboard/index.astro': async () => {
      for (const actor of actorList()) {
        for (const query of ['', `commune=${communeD}`, 'by=commune']) {
          const path = `/dashboard${query ? `?${query}` : ''}`;
          const res = await actor.client.get(path);
          if (actor.role === 'anonymous') expectLoginRedirect(res, path);
          else if (actor.role === 'business' || actor.role === 'helper') expect(res.status, `${actor.name} ${path}`).toBe(403);
          else {
            expect(res.status, `${actor.name} ${path}`).toBe(200);
            await assertLinksInScope(actor, await res.text(), `${actor.name} ${path}`);
          }
        }
      }
    },
    'dashboard/export.csv.ts': async () => {
      for (const actor of actorList()) {
        for (const query of ['', `commune=${communeD}`, `commune=${communeC}&by=commune`]) {
          const path = `/dashboard/export.csv${query ? `?${query}` : ''}`;
          const res = await actor.client.get(path);
          if (actor.role === 'anonymous') expectLoginRedirect(res, path);
          else if (actor.role === 'business' || actor.role === 'helper') expect(res.status, `${actor.name} ${path}`).toBe(403);
          else {
            expect(res.status, `${actor.name} ${path}`).toBe(200);
            const lines = (await res.text()).split(/\r?\n/);
            const coverage = lines.find((l) => l.startsWith('Bao phủ (Coverage)'))!.split(',');
            const unit = actor.commune ?? new URLSearchParams(query).get('commune');
            const known = all.filter((b) => b.provinceCode === '37' && (!unit || b.communeCode === unit) && actor.sees(b)).length;
            // The known businesses (the coverage denominator) are those in the actor's scope and filter.
            expect(Number(coverage[3]), `${actor.name} ${path}`).toBe(known);
            if (actor.commune) {
              const filters = lines.find((l) => l.startsWith('Bộ lọc'))!;
              expect(filters, `${actor.name} ${path}`).toContain(actor.commune === communeC ? nameC : nameD);
              const otherName = actor.commune === communeC ? nameD : nameC;
              const breakdownStart = lines.indexOf('# Chia theo');
              for (const l of lines.slice(breakdownStart + 2)) expect(l.startsWith(otherName), `${actor.name} ${path}: ${l}`).toBe(false);
            }
          }
        }
      }
    },
    'dashboard/export.xlsx.ts': async () => {
      for (const actor of actorList()) {
        const path = `/dashboard/export.xlsx?commune=${communeD}`;
        const res = await actor.client.get(path);
        if (actor.role === 'anonymous') expectLoginRedirect(res, path);
        else if (actor.role === 'business' || actor.role === 'helper') expect(res.status, `${actor.name} ${path}`).toBe(403);
        else {
          expect(res.status, `${actor.name} ${path}`).toBe(200);
          // Stored (uncompressed) zip: the sheet text can be searched as is.
          const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
          const unitName = actor.commune === communeC ? nameC : nameD;
          expect(text, `${actor.name} ${path}`).toContain(unitName);
          if (actor.commune === communeC && !nameC.includes(nameD)) expect(text, `${actor.name} ${path}`).not.toContain(nameD);
        }
      }
    },
  };

  it('every scoped-list route has a checker', () => {
    expect(
      kinds('scoped-list')
        .map((e) => e.file)
        .filter((f) => !LIST_CHECKS[f]),
    ).toEqual([]);
    expect(Object.keys(LIST_CHECKS).filter((f) => entryFor(f)?.kind !== 'scoped-list')).toEqual([]);
  });

  for (const file of ROUTE_MATRIX.filter((e) => e.kind === 'scoped-list').map((e) => e.file)) {
    it(`scoped list ${file}: every business shown is inside the actor's scope, opens for them, and counts match`, async () => {
      await LIST_CHECKS[file]!();
    }, 300_000);
  }
});

// ---------------------------------------------------------------------------------------------
// Item 2: staff may only keep or choose communes inside their scope.

describe('attack: a helper moves an in-scope business and its products to another commune', () => {
  const profileForm = (communeCode: string) => ({
    sector: 'C',
    producerType: 'enterprise',
    employees: '15',
    revenueMillion: '',
    capitalMillion: '',
    communeCode,
  });
  const productForm = (communeCode: string) => ({
    intent: 'product',
    name: 'Nước mắm Ngoài Phạm Vi',
    group: 'food',
    stars: '3',
    certificateNo: 'OCOP-X-2024',
    certificateYear: '2024',
    communeCode,
    description: '',
  });
  const audits = async (action: string, id: number) =>
    Number(
      (
        await rows<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = ? AND entity = 'business' AND entity_id = ?", [
          action,
          String(id),
        ])
      )[0]!.n,
    );

  it('creating or editing a product in another commune is a field error, 400, and nothing is saved', async () => {
    const helper = actors.get('helperC')!.client;
    const before = Number((await rows<{ n: number }>('SELECT count(*) AS n FROM ocop_products'))[0]!.n);
    const created = await helper.post(`/en/businesses/${bizC.id}/products/new`, productForm(communeD));
    expect(created.status).toBe(400);
    expect(await created.text()).toContain('outside your scope');
    expect(Number((await rows<{ n: number }>('SELECT count(*) AS n FROM ocop_products'))[0]!.n)).toBe(before);
    const pid = fixtures.get(bizC.id)!.pid;
    const edited = await helper.post(`/businesses/${bizC.id}/products/${pid}`, productForm(communeD));
    expect(edited.status).toBe(400);
    const [p] = await rows<{ c: string; name: string }>('SELECT commune_code AS c, name FROM ocop_products WHERE id = ?', [pid]);
    expect(p).toMatchObject({ c: communeC, name: `Sản phẩm ${bizC.id}` });
    const form = await (await helper.get(`/businesses/${bizC.id}/products/new`)).text();
    expect(form).not.toContain(`value="${communeD}"`);
  });

  it('saving the profile with another commune is a field error (vi + en), 400, and nothing is saved', async () => {
    const helper = actors.get('helperC')!.client;
    expect((await helper.post(`/businesses/${bizC.id}/assessment`, {})).status).toBe(303);
    const [draftBefore] = await rows<{ profile: string | null }>(
      "SELECT profile FROM assessments WHERE business_id = ? AND status = 'draft'",
      [bizC.id],
    );
    const auditsBefore = await audits('profile_update', bizC.id);
    const res = await helper.post(`/businesses/${bizC.id}/assessment/profile`, profileForm(communeD));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('ngoài phạm vi');
    expect(html).toMatch(/id="f-communeCode-error"/);
    const [b] = await rows<{ c: string; e: number }>('SELECT commune_code AS c, employees AS e FROM businesses WHERE id = ?', [bizC.id]);
    expect(b!.c).toBe(communeC);
    const [draftAfter] = await rows<{ profile: string | null }>(
      "SELECT profile FROM assessments WHERE business_id = ? AND status = 'draft'",
      [bizC.id],
    );
    expect(draftAfter!.profile).toBe(draftBefore!.profile);
    expect(await audits('profile_update', bizC.id)).toBe(auditsBefore);
    // The form offers only the communes of the helper's scope.
    const form = await (await helper.get(`/businesses/${bizC.id}/assessment/profile`)).text();
    expect(form).not.toContain(`value="${communeD}"`);
    expect(form).toContain(`value="${communeC}"`);
  });

  it('inside the scope the save works, and every profile change is audited with who, before and after', async () => {
    const helper = actors.get('helperC')!.client;
    const res = await helper.post(`/businesses/${bizC.id}/assessment/profile`, profileForm(communeC));
    expect(res.status).toBe(303);
    const [row] = await rows<{ actor: number; detail: string; role: string }>(
      "SELECT l.actor_user_id AS actor, l.detail AS detail, u.role AS role FROM audit_log l JOIN users u ON u.id = l.actor_user_id WHERE l.action = 'profile_update' AND l.entity = 'business' AND l.entity_id = ? ORDER BY l.id DESC LIMIT 1",
      [String(bizC.id)],
    );
    expect(row!.role).toBe('helper');
    const detail = JSON.parse(row!.detail) as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect(detail.after).toMatchObject({ communeCode: communeC, employees: 15, sector: 'C' });
    expect(detail.before).toHaveProperty('communeCode', communeC);
    const history = await (await helper.get(`/businesses/${bizC.id}/history`)).text();
    expect(history).toContain('Sửa thông tin doanh nghiệp');
    // The product in scope is still editable.
    const edited = await helper.post(`/businesses/${bizC.id}/products/${fixtures.get(bizC.id)!.pid}`, productForm(communeC));
    expect(edited.status).toBe(200);
  });
});
