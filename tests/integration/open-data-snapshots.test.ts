import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless, taxCodeFrom as validTaxCode } from '../helpers/http.ts';
import { answerPages, fetchFramework, worstFormValue, type PublicFramework } from '../helpers/assessment.ts';

/**
 * Batch snapshots of the open data, on the built server: one submission between two queries
 * changes nothing public; once 5 businesses changed, the public answer moves on (once).
 */
let server: TestServer;
let sme: PublicFramework;
let A: string;
let B: string;
const YEAR = String(new Date(Date.now() + 7 * 3600e3).getUTCFullYear());
const QUARTER = `${YEAR}-Q${Math.floor(new Date(Date.now() + 7 * 3600e3).getUTCMonth() / 3) + 1}`;
const clients: Record<string, { c: Browserless; id: number; commune: string }> = {};

async function submit(key: string, overrides: Record<string, string>) {
  const { c, id, commune } = clients[key]!;
  await c.post(`/businesses/${id}/assessment`, {});
  await c.post(`/businesses/${id}/assessment/profile`, { sector: 'G', producerType: 'enterprise', employees: '3', revenueMillion: '2000', capitalMillion: '', communeCode: commune });
  const review = await answerPages(c, id, sme, (q) => (q.id in overrides ? [overrides[q.id]!] : worstFormValue(q)));
  expect((await c.post(review, {})).status).toBe(303);
}

async function register(key: string, prefix: string, commune: string, overrides: Record<string, string> = {}) {
  const c = new Browserless(server.url);
  const res = await c.post('/register', { taxCode: validTaxCode(prefix), name: `Hộ kinh doanh ${key}`, communeCode: commune, login: `${key.toLowerCase()}@example.com`, password: 'mat-khau-cua-hang', consent: 'yes' });
  expect(res.status, key).toBe(303);
  clients[key] = { c, id: Number(/\/businesses\/(\d+)/.exec(res.headers.get('location')!)![1]), commune };
  await submit(key, overrides);
}

/** Every answer the public can get for these units and periods, as one comparable text. */
async function everything(): Promise<string> {
  const out: unknown[] = [];
  for (const period of [YEAR, QUARTER]) {
    for (const unit of ['province', A, B]) {
      for (const filter of ['', '&size=micro', '&sector=G', '&producerType=enterprise']) {
        const res = await fetch(`${server.url}/api/v1/indicators?period=${period}&unit=${unit}${filter}`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as { indicators: { id: string; denominator: number | null; value: number | null; status: string | null }[] };
        // Coverage divides by the businesses known to the portal (the registry and registrations, not
        // assessments), which is live; its numerator, the assessed count, is compared like the rest.
        for (const i of body.indicators) if (i.id === 'assessment_coverage') Object.assign(i, { denominator: null, value: null, status: null });
        out.push(body);
      }
    }
  }
  return JSON.stringify(out);
}

const einvoice = async (query: string) => {
  const body = (await (await fetch(`${server.url}/api/v1/indicators?${query}`)).json()) as { indicators: { id: string; numerator: number | null; denominator: number | null }[] };
  return body.indicators.find((i) => i.id === 'einvoice_adoption')!;
};

beforeAll(async () => {
  server = await startServer();
  sme = await fetchFramework(server.url, 'dbi-sme');
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 2");
  A = String(rs.rows[0]!.code);
  B = String(rs.rows[1]!.code);
  for (let i = 0; i < 6; i++) await register(`A${i}`, `08610${i}010`, A, i < 3 ? { i2_einvoice: 'g3' } : {});
  for (let i = 0; i < 6; i++) await register(`B${i}`, `08620${i}010`, B);
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

describe('open data advances in batches (before-and-after attack)', () => {
  it('one submission between two queries changes nothing public until 5 businesses have changed; then it advances', async () => {
    const first = await everything();
    expect(await einvoice(`period=${YEAR}`)).toMatchObject({ numerator: 3, denominator: 12 });
    // The attacker's before-and-after: one new business submits (with an e-invoice).
    await register('A6', '086106010', A, { i2_einvoice: 'g3' });
    expect(await everything()).toBe(first);
    // A retake that rewrites nothing public does not count as a change either.
    await submit('B0', {});
    expect(await everything()).toBe(first);
    // Three more businesses change: 4 in all, still nothing public moves.
    for (const key of ['B1', 'B2', 'B3']) await submit(key, { i2_einvoice: 'g3' });
    expect(await everything()).toBe(first);
    // The fifth changed business: the public answer advances, with all five at once.
    await submit('B4', { i2_einvoice: 'g3' });
    const second = await everything();
    expect(second).not.toBe(first);
    expect(await einvoice(`period=${YEAR}`)).toMatchObject({ numerator: 8, denominator: 13 });
    expect(await einvoice(`period=${YEAR}&unit=${B}`)).toMatchObject({ numerator: 4, denominator: 6 });
    // And it stays there: asking again (no change) gives the same answer.
    expect(await everything()).toBe(second);
    // Kept in the database (so restarts and other processes serve the same answer): the newest, plus
    // the final one of each closed quarter; the pending changes were absorbed.
    const snaps = await server.db.execute({ sql: 'SELECT count(*) AS n FROM public_snapshots WHERE year = ?', args: [Number(YEAR)] });
    expect(Number(snaps.rows[0]!.n)).toBeGreaterThanOrEqual(1);
    expect(Number(snaps.rows[0]!.n)).toBeLessThanOrEqual(2);
    const pending = await server.db.execute("SELECT count(*) AS n FROM public_changes WHERE before IS NOT after");
    expect(Number(pending.rows[0]!.n)).toBe(0);
  });

});
