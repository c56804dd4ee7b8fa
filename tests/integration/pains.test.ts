/**
 * Issue 13, pains first: GET /api/v1/pains, POST /api/v1/score with `pains`, and the web flow
 * (plain form posts, as with JavaScript off; tests/e2e/pains.test.ts drives a real browser).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';
import { answerPages, fetchFramework, worstFormValue, type PublicFramework } from '../helpers/assessment.ts';

let server: TestServer;
let producer: PublicFramework;
let sme: PublicFramework;
let commune: string;
beforeAll(async () => {
  server = await startServer();
  [producer, sme] = await Promise.all([fetchFramework(server.url, 'producer'), fetchFramework(server.url, 'dbi-sme')]);
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1");
  commune = String(rs.rows[0]!.code);
});
afterAll(async () => {
  await server?.stop();
});

type Rec = { step: number; need: string; pains: string[]; reasons: { vi: string; en: string }[]; platforms: string[] };

function score(body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/v1/score`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('GET /api/v1/pains', () => {
  it('lists about ten pains with labels in both languages and the platform categories that address them', async () => {
    const res = await fetch(`${server.url}/api/v1/pains`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { pains: { id: string; label: { vi: string; en: string }; categories: string[] }[] };
    expect(body.pains).toHaveLength(10);
    expect(body.pains.find((p) => p.id === 'delivery')).toEqual({
      id: 'delivery',
      label: { vi: 'Giao hàng', en: 'Delivery' },
      categories: ['logistics'],
    });
    const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toContain('/api/v1/pains');
    expect(JSON.stringify(doc.components.schemas.ScoreRequest)).toContain('pains');
  });
});

describe('POST /api/v1/score with pains', () => {
  const profile = { sector: 'G', employees: 3, producerType: 'household' };

  it('after the mandatory items, the plan starts with the items that address the chosen pains, and says why', async () => {
    const without = await (await score({ framework: 'producer', profile, answers: {} })).json();
    const res = await score({ framework: 'producer', profile, answers: {}, pains: ['delivery', 'bookkeeping'] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { recommendations: Rec[]; pains: string[] };
    expect(body.pains).toEqual(['delivery', 'bookkeeping']);
    const rest = body.recommendations.filter((r) => r.step !== 1);
    const mandatory = body.recommendations.filter((r) => r.step === 1);
    expect(body.recommendations.slice(0, mandatory.length)).toEqual(mandatory);
    expect(rest[0]!.pains.length).toBeGreaterThan(0);
    expect(['logistics', 'accounting']).toContain(rest[0]!.need);
    expect(rest[0]!.reasons[0]!.vi).toMatch(/^Vì bạn nói /);
    // Without pains the same item sits later, by its step.
    const withoutRest = (without.recommendations as Rec[]).filter((r) => r.step !== 1);
    expect(withoutRest[0]!.need).not.toBe(rest[0]!.need);
    // Sendo, retired, is never recommended; TikTok Shop is.
    const market = body.recommendations.find((r) => r.need === 'ecommerce_marketplace');
    if (market) expect(market.platforms).not.toContain('sendo');
  });

  it('the cost barrier puts free, free-tier and free-trial options first', async () => {
    const body = (await (
      await score({ framework: 'producer', profile, answers: { x_barriers: ['cost'] }, pains: ['getting_paid'] })
    ).json()) as { recommendations: Rec[] };
    const platforms = (await (await fetch(`${server.url}/api/v1/platforms`)).json()) as {
      platforms: { id: string; costModel: string; freeTrial: unknown }[];
    };
    const free = new Map(platforms.platforms.map((p) => [p.id, p.costModel !== 'paid' || p.freeTrial !== null]));
    for (const r of body.recommendations) {
      const flags = r.platforms.map((id) => free.get(id) ?? false);
      const firstPaid = flags.indexOf(false);
      if (firstPaid >= 0)
        expect(
          flags.slice(firstPaid).every((f) => !f),
          r.need,
        ).toBe(true);
    }
  });

  it('refuses more than three pains, unknown or repeated ones, with a Vietnamese message and a path', async () => {
    for (const pains of [['delivery', 'stock', 'marketing', 'bookkeeping'], ['teleportation'], ['stock', 'stock'], 'stock']) {
      const res = await score({ framework: 'producer', profile, answers: {}, pains });
      expect(res.status, JSON.stringify(pains)).toBe(400);
      const body = await res.json();
      expect(body.issues[0].path[0]).toBe('pains');
      expect(body.issues[0].message).toMatch(/khó khăn|Khó khăn/);
    }
  });
});

describe('the web flow opens with the pains question', () => {
  it('stores up to three pains with the profile, refuses a fourth, and orders the plan by them', async () => {
    const c = new Browserless(server.url);
    const reg = await c.post('/register', {
      taxCode: validTaxCode('086000001'),
      name: 'Hộ kinh doanh Bánh đa Cô Ba',
      communeCode: commune,
      login: 'banhda@example.com',
      password: 'mat-khau-banh-da',
      consent: 'yes',
    });
    const id = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
    await c.post(`/businesses/${id}/assessment`, {});
    const form = await (await c.get(`/businesses/${id}/assessment/profile`)).text();
    // The first field of the first page is the pains question.
    expect(form.indexOf('name="pains"')).toBeGreaterThan(0);
    expect(form.indexOf('name="pains"')).toBeLessThan(form.indexOf('name="sector"'));
    expect(form).toContain('Điều gì đang cản trở việc kinh doanh của bạn nhiều nhất?');

    const profile = {
      sector: 'C',
      producerType: 'household',
      employees: '3',
      revenueMillion: '500',
      capitalMillion: '',
      communeCode: commune,
    };
    const four = await c.post(`/businesses/${id}/assessment/profile`, {
      ...profile,
      pains: ['delivery', 'stock', 'marketing', 'bookkeeping'],
    });
    expect(four.status).toBe(400);
    expect(await four.text()).toContain('Chọn tối đa 3 khó khăn');
    let row = await server.db.execute({ sql: 'SELECT pains, profile FROM assessments WHERE business_id = ?', args: [id] });
    expect(JSON.parse(String(row.rows[0]!.pains))).toEqual([]);
    expect(row.rows[0]!.profile === null || !String(row.rows[0]!.profile).includes('"sector":"C"')).toBe(true);

    const ok = await c.post(`/businesses/${id}/assessment/profile`, { ...profile, pains: ['delivery', 'selling_online'] });
    expect(ok.status).toBe(303);
    row = await server.db.execute({ sql: 'SELECT pains FROM assessments WHERE business_id = ?', args: [id] });
    expect(JSON.parse(String(row.rows[0]!.pains))).toEqual(['delivery', 'selling_online']);
    // Shown again, checked, when the person comes back to the first page.
    const again = await (await c.get(`/businesses/${id}/assessment/profile`)).text();
    expect(again).toMatch(/id="pain-delivery"[^>]*checked/);

    const review = await answerPages(c, id, producer, worstFormValue);
    const submitted = await c.post(review, {});
    const page = await (await c.get(submitted.headers.get('location')!)).text();
    const painsGroup = page.indexOf('id="plan-pains"');
    expect(painsGroup).toBeGreaterThan(0);
    expect(page).toContain('Giải quyết khó khăn bạn đã chọn');
    // The group comes right after the mandatory items and before every other step.
    for (const s of [2, 3, 4]) {
      const at = page.indexOf(`id="plan-step-${s}"`);
      if (at >= 0) expect(painsGroup).toBeLessThan(at);
    }
    const mandatory = page.indexOf('id="plan-step-1"');
    if (mandatory >= 0) expect(mandatory).toBeLessThan(painsGroup);
    expect(page).toContain('Vì bạn nói');
    expect(sme.pillars.length).toBe(6);
  });
});
