// Frameworks: metadata in the API, upload → preview → publish → take as a business → read via the API (the older
// result unchanged), the default for SMEs, one history series per framework and the invitation to retake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';
import { answerPages, bestFormValue, fetchFramework, worstFormValue } from '../helpers/assessment.ts';

let server: TestServer;
let admin: Browserless;
let commune: string;
beforeAll(async () => {
  server = await startServer();
  admin = new Browserless(server.url);
  expect((await admin.post('/login', { login: ADMIN.email, password: ADMIN.password })).status).toBe(303);
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1");
  commune = String(rs.rows[0]!.code);
});
afterAll(async () => {
  await server?.stop();
});

async function registerBusiness(prefix: string): Promise<{ c: Browserless; id: number }> {
  const c = new Browserless(server.url);
  const res = await c.post('/register', {
    taxCode: validTaxCode(prefix),
    name: `Cửa hàng Thử ${prefix}`,
    communeCode: commune,
    login: `fw-${prefix}@example.com`,
    password: 'mat-khau-thu-1',
    consent: 'yes',
  });
  expect(res.status).toBe(303);
  return { c, id: Number(/\/businesses\/(\d+)/.exec(res.headers.get('location')!)![1]) };
}

const retailProfile = (c: Browserless, id: number) =>
  c.post(`/businesses/${id}/assessment/profile`, {
    sector: 'G',
    producerType: 'enterprise',
    employees: '3',
    revenueMillion: '1500',
    capitalMillion: '',
    communeCode: commune,
  });

async function upload(c: Browserless, text: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'application/json' }), 'framework.json');
  return fetch(`${server.url}/admin/frameworks`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.url, cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: form,
  });
}

/** A province's own framework file: the documented example of docs/frameworks.md. */
function exampleFile(): Record<string, any> {
  const doc = readFileSync('docs/frameworks.md', 'utf8');
  const block = /<!-- example-framework -->\s*```json\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('docs/frameworks.md has no example framework block');
  return JSON.parse(block[1]!);
}

async function submit(c: Browserless, id: number, fw: Parameters<typeof answerPages>[2], pick = bestFormValue): Promise<number> {
  const review = await answerPages(c, id, fw, pick);
  const res = await c.post(review, {});
  expect(res.status).toBe(303);
  return Number(/assessments\/(\d+)/.exec(res.headers.get('location')!)![1]);
}

describe('frameworks in the API', () => {
  it('every framework says its status, legal basis, validity, sources and whether it is a default', async () => {
    const list = await (await fetch(`${server.url}/api/v1/frameworks`)).json();
    const byId = new Map<string, any>(list.frameworks.map((f: { id: string }) => [f.id, f]));
    expect(byId.get('dbi-sme')).toMatchObject({
      status: 'superseded',
      legalBasis: { vi: 'QĐ 1970/QĐ-BTTTT, 13/12/2021' },
      validFrom: '2021-12-13',
      validTo: '2023-11-07',
      default: false,
      defaultFor: null,
    });
    expect(byId.get('sme-tools')).toMatchObject({ status: 'local', default: true, defaultFor: 'sme' });
    expect(byId.get('producer')).toMatchObject({ status: 'local', default: true, defaultFor: 'producer' });
    for (const f of byId.values()) expect(f.sources.length).toBeGreaterThan(0);
    const unavailable = new Map<string, any>(list.withoutQuestionnaire.map((f: { id: string }) => [f.id, f]));
    expect(unavailable.get('dbi-sme-2023')).toMatchObject({ status: 'superseded', legalBasis: { vi: 'QĐ 2158/QĐ-BTTTT, 07/11/2023' } });
    expect(unavailable.get('dbi-sme-2023').missing.vi.length).toBeGreaterThan(20);
    // QĐ 2158: only what its public text shows, and until when it was valid.
    expect(unavailable.get('dbi-sme-2023')).toMatchObject({ validFrom: '2023-11-07', validTo: '2025-06-30' });
    expect(unavailable.get('dbi-sme-2023').published.pillarCount).toBe(7);
    expect(unavailable.get('dbi-sme-2023').published.pillars.map((p: { name: { vi: string } }) => p.name.vi)).toEqual([
      'Định hướng chiến lược',
      'Trải nghiệm khách hàng và bán hàng đa kênh',
      'Chuỗi cung ứng',
      'Hệ thống thông tin và quản trị dữ liệu',
      'Quản lý rủi ro và an toàn thông tin mạng',
    ]);
    expect(unavailable.get('dbi-sme-2023').published.levels).toEqual([{ name: { vi: 'Cơ bản', en: 'Basic' } }]);
    expect(unavailable.get('most-2025').published).toBeNull();
    // Listed, never offered or scored.
    expect((await fetch(`${server.url}/api/v1/frameworks/dbi-sme-2023`)).status).toBe(404);
    const one = await (await fetch(`${server.url}/api/v1/frameworks/dbi-sme`)).json();
    expect(one).toMatchObject({ status: 'superseded', validTo: '2023-11-07', scoring: { maximum: 'all' } });
    const openapi = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(openapi.components.schemas.FrameworkMeta.properties.status.enum).toEqual(['current', 'superseded', 'local']);
  });
});

describe('the SME default and comparison within one framework', () => {
  it('a new shop gets the tool inventory; a 2021 result is invited to retake and never compared across frameworks', async () => {
    const { c, id } = await registerBusiness('086000001');
    // First under the 2021 index, chosen explicitly.
    expect((await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' })).status).toBe(303);
    expect((await retailProfile(c, id)).status).toBe(303);
    const first = await submit(c, id, await fetchFramework(server.url, 'dbi-sme'), worstFormValue);
    const firstResult = await (await c.get(`/businesses/${id}/assessments/${first}`)).text();
    expect(firstResult).toContain('theo QĐ 1970/QĐ-BTTTT, 13/12/2021 — đã được thay thế');
    // The dashboard's level distribution is per framework: this business counts under the 2021 index for now.
    expect(await (await admin.get('/dashboard')).text()).toContain('(DBI, QĐ 1970/QĐ-BTTTT): số doanh nghiệp theo cấp độ');

    // The start page invites a retake under the default, which is preselected.
    const start = await (await c.get(`/businesses/${id}/assessment`)).text();
    expect(start).toContain('id="retake-invite"');
    expect(start).toMatch(/value="sme-tools" checked/);
    expect((await c.post(`/businesses/${id}/assessment`, {})).status).toBe(303);
    const draft = await server.db.execute({
      sql: "SELECT framework_id AS f FROM assessments WHERE business_id = ? AND status = 'draft'",
      args: [id],
    });
    expect(draft.rows[0]!.f).toBe('sme-tools');
    expect((await retailProfile(c, id)).status).toBe(303);
    const second = await submit(c, id, await fetchFramework(server.url, 'sme-tools'));
    const secondResult = await (await c.get(`/businesses/${id}/assessments/${second}`)).text();
    expect(secondResult).toContain('Bộ câu hỏi của cổng — cách đọc của cổng, không phải bộ chỉ số chính thức');
    // No change against the 2021 result: different frameworks.
    expect(secondResult).not.toContain('So với lần trước');

    const history = await (await c.get(`/businesses/${id}/assessments`)).text();
    const series = [...history.matchAll(/data-framework="([^"]+)"/g)].map((m) => m[1]);
    expect(series).toEqual(['sme-tools@1', 'dbi-sme@1']);
    // One row per series, so no change is shown at all.
    expect(history).not.toMatch(/class="delta-(up|down)"/);
    expect(history).not.toContain('id="retake-invite"');

    // The dashboard shows the level distribution per framework: the business now counts under the tool inventory.
    const dashboard = await (await admin.get('/dashboard')).text();
    expect(dashboard).toContain(
      'Kiểm kê công cụ số của doanh nghiệp (theo nguyên tắc Bộ tiêu chí 2025 của Bộ KH&amp;CN): số doanh nghiệp theo cấp độ',
    );
    expect(dashboard).not.toContain('(DBI, QĐ 1970/QĐ-BTTTT): số doanh nghiệp theo cấp độ');
  });
});

describe('frameworks loadable as data', () => {
  it('an invalid file is refused with paths and nothing is stored; officers and businesses cannot upload', async () => {
    const broken = exampleFile();
    broken.pillars[0].questions[0].options[0].points = -1;
    delete broken.meta.legalBasis;
    const res = await upload(admin, JSON.stringify(broken));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('pillars[0].questions[0].options[0].points');
    expect(html).toContain('meta.legalBasis');
    expect((await upload(admin, '{ nope')).status).toBe(400);
    const rows = await server.db.execute('SELECT count(*) AS n FROM framework_uploads');
    expect(Number(rows.rows[0]!.n)).toBe(0);

    const { c } = await registerBusiness('086000002');
    expect((await upload(c, JSON.stringify(exampleFile()))).status).toBe(403);
    // An existing version cannot be uploaded again.
    const old = exampleFile();
    old.id = 'producer';
    expect((await upload(admin, JSON.stringify(old))).status).toBe(400);
  });

  it('upload → preview → publish → take as a business → read through the API; the older result stays unchanged', async () => {
    // An older result under the default, before anything is published.
    const { c, id } = await registerBusiness('086000003');
    expect((await c.post(`/businesses/${id}/assessment`, {})).status).toBe(303);
    expect((await retailProfile(c, id)).status).toBe(303);
    const older = await submit(c, id, await fetchFramework(server.url, 'sme-tools'));
    const before = await server.db.execute({
      sql: 'SELECT result, score, level, framework_id, framework_version FROM assessments WHERE id = ?',
      args: [older],
    });

    const file = exampleFile();
    const up = await upload(admin, JSON.stringify(file));
    expect(up.status).toBe(303);
    const previewPath = new URL(up.headers.get('location')!, server.url).pathname + new URL(up.headers.get('location')!, server.url).search;
    const preview = await (await admin.get(previewPath)).text();
    // Shown as a questionnaire, not yet offered.
    for (const q of file.pillars.flatMap((p: any) => p.questions)) expect(preview).toContain(`id="q-${q.id}"`);
    expect(preview).toContain('Công bố phiên bản này');
    expect((await fetch(`${server.url}/api/v1/frameworks/${file.id}`)).status).toBe(404);

    const uploadId = /upload=(\d+)/.exec(previewPath)![1]!;
    const published = await admin.post('/admin/frameworks', { upload: uploadId });
    expect(published.status).toBe(200);
    expect(await published.text()).toContain(`phiên bản ${file.version}`);
    // Publishing twice is refused.
    expect((await admin.post('/admin/frameworks', { upload: uploadId })).status).toBe(409);

    const api = await fetchFramework(server.url, file.id);
    expect(api).toMatchObject({ id: file.id, version: file.version });
    const list = await (await fetch(`${server.url}/api/v1/frameworks`)).json();
    expect(list.frameworks.find((f: { id: string }) => f.id === file.id)).toMatchObject({ status: 'local', default: false });

    // The business chooses it on the start page and takes it.
    const start = await (await c.get(`/businesses/${id}/assessment`)).text();
    expect(start).toContain(`value="${file.id}"`);
    expect((await c.post(`/businesses/${id}/assessment`, { framework: file.id })).status).toBe(303);
    expect((await retailProfile(c, id)).status).toBe(303);
    const taken = await submit(c, id, api);
    const row = await server.db.execute({
      sql: 'SELECT framework_id AS f, framework_version AS v, score FROM assessments WHERE id = ?',
      args: [taken],
    });
    expect(row.rows[0]).toMatchObject({ f: file.id, v: file.version, score: 100 });
    expect((await c.get(`/businesses/${id}/assessments/${taken}`)).status).toBe(200);
    const scored = await fetch(`${server.url}/api/v1/score`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ framework: file.id, profile: { sector: 'G', employees: 3 }, answers: {} }),
    });
    expect(scored.status).toBe(200);

    // The older result is never re-scored.
    const after = await server.db.execute({
      sql: 'SELECT result, score, level, framework_id, framework_version FROM assessments WHERE id = ?',
      args: [older],
    });
    expect(after.rows[0]).toEqual(before.rows[0]);
  });
});
