/**
 * Issue 13 beyond pains: who to call (set by an administrator per commune and for the province),
 * success stories (shown by sector, never without consent), cost and support on plan items, and the
 * OCOP checklist under the 2025–26 household rules — through the built server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';
import { answerPages, fetchFramework, worstFormValue, type PublicFramework } from '../helpers/assessment.ts';

let server: TestServer;
let admin: Browserless;
let producer: PublicFramework;
let sme: PublicFramework;
let commune: string;
beforeAll(async () => {
  server = await startServer();
  [producer, sme] = await Promise.all([fetchFramework(server.url, 'producer'), fetchFramework(server.url, 'dbi-sme')]);
  commune = String((await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1")).rows[0]!.code);
  admin = new Browserless(server.url);
  expect((await admin.post('/login', { login: ADMIN.email, password: ADMIN.password })).status).toBe(303);
});
afterAll(async () => {
  await server?.stop();
});

/** Registers a business, fills the profile and submits the worst answers; returns its result page and ids. */
async function assessed(prefix: string, profile: Record<string, string>, login: string) {
  const c = new Browserless(server.url);
  const reg = await c.post('/register', {
    taxCode: validTaxCode(prefix),
    name: `Cơ sở ${login}`,
    communeCode: commune,
    login: `${login}@example.com`,
    password: 'mat-khau-co-so-1',
    consent: 'yes',
  });
  const id = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
  await c.post(`/businesses/${id}/assessment`, {});
  expect((await c.post(`/businesses/${id}/assessment/profile`, { capitalMillion: '', communeCode: commune, ...profile })).status).toBe(303);
  const fw = profile.producerType === 'enterprise' ? sme : producer;
  const review = await answerPages(c, id, fw, worstFormValue);
  const submitted = await c.post(review, {});
  const path = submitted.headers.get('location')!;
  return { c, id, path, page: await (await c.get(path)).text() };
}

describe('a current catalog', () => {
  it('Sendo is shown as no longer operating and never listed; TikTok Shop is; entries carry their source', async () => {
    const page = await (await fetch(`${server.url}/platforms/sendo`)).text();
    expect(page).toContain('Ngừng hoạt động');
    expect(page).toContain('doanhnhanvn.vn');
    const list = (await (await fetch(`${server.url}/api/v1/platforms`)).json()) as { platforms: { id: string; source: string | null }[] };
    const ids = list.platforms.map((p) => p.id);
    expect(ids).not.toContain('sendo');
    expect(ids).toContain('tiktok-shop');
    for (const p of list.platforms) expect(p.source, p.id).toMatch(/^https?:\/\//);
  });
});

describe('who to call', () => {
  it('an administrator sets the commune team and the Department contact; every plan shows them', async () => {
    const bad = await admin.post('/admin/contacts', { scope: commune, name: 'Tổ CNSCĐ', phone: 'gọi cho tôi' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Số điện thoại');
    expect((await server.db.execute('SELECT count(*) AS n FROM support_contacts')).rows[0]!.n).toBe(0);
    const outside = await admin.post('/admin/contacts', { scope: '99999', name: 'Xã lạ' });
    expect(outside.status).toBe(400);

    expect(
      (await admin.post('/admin/contacts', { scope: commune, name: 'Tổ công nghệ số cộng đồng xã Một', phone: '0912 345 678' })).status,
    ).toBe(200);
    expect(
      (
        await admin.post('/admin/contacts', {
          scope: 'province',
          name: 'Phòng Thương mại điện tử, Sở Công Thương',
          email: 'tmdt@example.vn',
        })
      ).status,
    ).toBe(200);
    // Saving again replaces the contact of the same scope.
    expect((await admin.post('/admin/contacts', { scope: commune, name: 'Tổ CNSCĐ xã Một (mới)', phone: '0912 345 679' })).status).toBe(
      200,
    );
    expect((await server.db.execute('SELECT count(*) AS n FROM support_contacts')).rows[0]!.n).toBe(2);

    const { page } = await assessed(
      '088000001',
      { sector: 'C', producerType: 'cooperative', employees: '8', revenueMillion: '900' },
      'htx-mot',
    );
    const contacts = page.slice(page.indexOf('id="plan-contacts"'));
    expect(contacts).toContain('Tổ CNSCĐ xã Một (mới)');
    expect(contacts).toContain('0912 345 679');
    expect(contacts).toContain('Phòng Thương mại điện tử, Sở Công Thương');
    // Cost on every plan item: band, the price note's checked date and source.
    const items = page.match(/class="plan-item"/g)!.length;
    expect(page.match(/class="plan-cost"/g)!.length).toBe(items);
    expect(page).toContain('thông tin kiểm tra ngày');
  });
});

describe('success stories', () => {
  it('a plan shows a story of the business’s sector when one exists; a story without consent is never shown', async () => {
    const story = {
      title: 'HTX Chè Tân Cương bán trên sàn',
      sector: 'C',
      producerType: 'cooperative',
      pains: ['selling_online'],
      platforms: 'postmart|tiktok-shop',
      before: 'Bán cho thương lái tại vườn',
      after: 'Bán khắp cả nước qua sàn',
      sourceUrl: 'https://example.vn/htx-che',
      storyDate: '2025-09-03',
    };
    expect((await admin.post('/admin/stories', { ...story, title: 'Câu chuyện chưa đồng ý' })).status).toBe(200);
    expect((await admin.post('/admin/stories', { ...story, consent: 'yes' })).status).toBe(200);
    expect((await admin.post('/admin/stories', { ...story, title: 'Câu chuyện ngành khác', sector: 'A', consent: 'yes' })).status).toBe(
      200,
    );
    const noSource = await admin.post('/admin/stories', { ...story, sourceUrl: '' });
    expect(noSource.status).toBe(400);
    const rows = (await server.db.execute('SELECT id, title, consent FROM success_stories ORDER BY id')).rows;
    expect(rows).toHaveLength(3);
    const [unconsented, consented, otherSector] = rows.map((r) => String(r.id));
    // Publishing without consent is refused and changes nothing.
    const refused = await admin.post('/admin/stories', { intent: 'status', id: unconsented!, status: 'published' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Chưa có sự đồng ý');
    await server.db.execute({ sql: "UPDATE success_stories SET status = 'published' WHERE id = ?", args: [unconsented!] });
    expect((await admin.post('/admin/stories', { intent: 'status', id: consented!, status: 'published' })).status).toBe(200);
    expect((await admin.post('/admin/stories', { intent: 'status', id: otherSector!, status: 'published' })).status).toBe(200);

    const { page } = await assessed(
      '088000002',
      { sector: 'C', producerType: 'cooperative', employees: '8', revenueMillion: '900', pains: 'selling_online' },
      'htx-hai',
    );
    expect(page).toContain('id="plan-stories"');
    expect(page).toContain('HTX Chè Tân Cương bán trên sàn');
    expect(page).toContain('https://example.vn/htx-che');
    // Published by hand in the database but without consent: still never shown.
    expect(page).not.toContain('Câu chuyện chưa đồng ý');
    expect(page).not.toContain('Câu chuyện ngành khác');

    // A business of another sector with no story sees none.
    const other = await assessed(
      '088000003',
      { sector: 'I', producerType: 'household', employees: '2', revenueMillion: '300' },
      'homestay',
    );
    expect(other.page).not.toContain('id="plan-stories"');
  });

  it('only province staff add or publish stories', async () => {
    const biz = new Browserless(server.url);
    await biz.post('/login', { login: 'htx-mot@example.com', password: 'mat-khau-co-so-1' });
    expect((await biz.post('/admin/stories', { intent: 'status', id: '1', status: 'published' })).status).toBe(403);
    expect((await biz.post('/admin/contacts', { scope: 'province', name: 'Tôi' })).status).toBe(403);
  });
});

describe('OCOP checklist under the 2025–26 rules', () => {
  async function productPage(prefix: string, login: string, revenueMillion: string) {
    const { c, id } = await assessed(prefix, { sector: 'C', producerType: 'household', employees: '2', revenueMillion }, login);
    const res = await c.post(`/businesses/${id}/products/new`, {
      intent: 'product',
      name: 'Ngao hấp đóng hộp',
      group: 'food',
      stars: '3',
      certificateNo: 'OCOP-3-2025',
      certificateYear: '2025',
      communeCode: commune,
      description: '',
    });
    expect(res.status).toBe(303);
    return (await c.get(res.headers.get('location')!)).text();
  }

  it('a household above the revenue threshold gets the e-invoice item, citing Decree 70/2025; below it does not', async () => {
    const above = await productPage('088000004', 'ho-ngao-lon', '1500');
    expect(above).toMatch(/name="items" value="e_invoice"/);
    expect(above).toContain('Nghị định 70/2025/NĐ-CP');
    expect(above).toContain('news.laodong.vn');
    // Marketplaces: a tax code or personal ID (Decree 117/2025); households self-declare (Resolution 198/2025).
    expect(above).toContain('Nghị định 117/2025/NĐ-CP');
    expect(above).toContain('Nghị quyết 198/2025/QH15');

    const below = await productPage('088000005', 'ho-ngao-nho', '600');
    expect(below).not.toMatch(/name="items" value="e_invoice"/);
    expect(below).not.toContain('Nghị định 70/2025/NĐ-CP');
    expect(below).toContain('Nghị quyết 198/2025/QH15');
  });
});
