// The dashboard compares (issue "staff tools that lead to action", item 3): the trend is quarter on quarter with
// the change since the previous quarter, every indicator has its breakdown with small samples flagged and never
// ranked or called lagging, sorting is server-side through the URL, and every figure is written the vi-VN way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless } from '../helpers/http.ts';
import { currentPeriod, parsePeriod, previousPeriod, type Period } from '#src/domain/indicators/periods.ts';
import { percent, roundPoints } from '#src/domain/indicators/rounding.ts';
import { formatNumber, formatPercent, formatPoints } from '#src/domain/number-format.ts';

const DEMO_PASSWORD = 'demo-portal-2025';
let server: TestServer;
let province: Browserless;
let busyQuarter: Period;
let busyYear = '';

async function login(login: string): Promise<Browserless> {
  const c = new Browserless(server.url);
  expect((await c.post('/login', { login, password: DEMO_PASSWORD })).status).toBe(303);
  return c;
}

beforeAll(async () => {
  server = await startServer({ demo: true });
  province = await login('demo-canbo-tinh@example.com');
  // The demo's assessments fall over the last 360 days: use periods that hold them, whatever today's date.
  const quarters = await server.db.execute(
    "SELECT period_id AS p FROM province_cells WHERE province_code = '37' AND period_id LIKE '%-Q%' GROUP BY period_id HAVING sum(n_sme) > 0 ORDER BY period_id",
  );
  const withData = new Set(quarters.rows.map((r) => String(r.p)));
  busyQuarter = [...withData]
    .map((id) => parsePeriod(id)!)
    .reverse()
    .find((p) => withData.has(previousPeriod(p).id))!;
  const year = await server.db.execute(
    "SELECT period_id AS p FROM commune_cells WHERE period_id NOT LIKE '%-Q%' GROUP BY period_id ORDER BY sum(n) DESC LIMIT 1",
  );
  busyYear = String(year.rows[0]!.p);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function page(path: string): Promise<string> {
  const res = await province.get(path);
  expect(res.status, path).toBe(200);
  return res.text();
}

/** The SME platform share of the province in one period, straight from the maintained province cells. */
async function smeShare(periodId: string): Promise<number | null> {
  const { rows } = await server.db.execute({
    sql: "SELECT coalesce(sum(n_sme_platform), 0) AS num, coalesce(sum(n_sme), 0) AS den FROM province_cells WHERE period_id = ? AND province_code = '37'",
    args: [periodId],
  });
  return percent(Number(rows[0]!.num), Number(rows[0]!.den));
}

type Row = { name: string; rank: string; value: string; fraction: string; note: string; lagging: boolean };

/** The breakdown table's rows, as the page prints them. */
function breakdownRows(html: string): Row[] {
  const table = /<table class="breakdown">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(table)?.[1] ?? '';
  const text = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return [...body.matchAll(/<tr([^>]*)>([\s\S]*?)<\/tr>/g)].map((m) => {
    const cells = [...m[2]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]!));
    return {
      name: cells[0]!,
      rank: cells[1]!,
      value: cells[2]!,
      fraction: cells[3]!,
      note: cells[7]!,
      lagging: /class="lagging"/.test(m[1]!),
    };
  });
}
const denominator = (r: Row) => Number(r.fraction.split('/')[1]!.replace(/\./g, ''));
const valueOf = (r: Row) => (r.value === '—' ? null : Number(r.value.replace(' %', '').replace(/\./g, '').replace(',', '.')));

describe('the dashboard compares quarter on quarter', () => {
  it('trend was yearly bars without a change: now eight quarters and the change since the previous quarter in points', async () => {
    const now = new Date();
    const q = currentPeriod(now, 'quarter');
    const prev = previousPeriod(q);
    const [latest, before] = await Promise.all([smeShare(q.id), smeShare(prev.id)]);
    // The demo spreads its assessments over the last 360 days: the current quarter may hold none on its first days.
    const change = latest === null || before === null ? null : roundPoints(latest - before);
    // The default view is the running year; the trend still reads quarters, ending at the current one.
    const html = await page('/dashboard');
    const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain(
      `Quý ${q.quarter}/${q.year}: ${formatPercent(latest)} · ${formatPoints(change)} so với Quý ${prev.quarter}/${prev.year}`,
    );
    // The line chart's table alternative lists eight quarters, the oldest first.
    let p = q;
    const ids = [q];
    for (let i = 0; i < 7; i++) ids.unshift((p = previousPeriod(p)));
    const labels = ids.map((x) => `Quý ${x.quarter}/${x.year}`);
    const positions = labels.map((l) => html.indexOf(`<th scope="row">${l}</th>`));
    expect(positions.every((x) => x > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Not the yearly bars of before.
    expect(text).not.toContain(`${q.year - 1} (0)`);
  });

  it('a chosen quarter with data on both sides shows its change in signed points', async () => {
    const q = busyQuarter;
    const prev = previousPeriod(q);
    const [latest, before] = await Promise.all([smeShare(q.id), smeShare(prev.id)]);
    const change = roundPoints(latest! - before!);
    const text = (await page(`/dashboard?period=${q.id}`)).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain(
      `Quý ${q.quarter}/${q.year}: ${formatPercent(latest)} · ${formatPoints(change)} so với Quý ${prev.quarter}/${prev.year}`,
    );
    expect(formatPoints(change)).toMatch(/^([+-]\d+(,\d)?|0) điểm %$/);
  });

  it('the all-indicators table carries every indicator’s change since the previous quarter', async () => {
    const html = await page('/dashboard');
    const q = currentPeriod(new Date(), 'quarter');
    expect(html).toContain(`Quý ${q.quarter}/${q.year} so với quý trước`);
    const table = /<table>([\s\S]*?)<\/table>/.exec(html)![1]!;
    const changes = [...table.matchAll(/<td[^>]*>([^<]*điểm %|—)<\/td>/g)];
    expect(changes.length).toBeGreaterThanOrEqual(9);
  });

  it('the English page writes the same figures the vi-VN way, the change in "pp"', async () => {
    const q = busyQuarter;
    const latest = await smeShare(q.id);
    const text = (await page(`/en/dashboard?period=${q.id}`)).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain(`Q${q.quarter} ${q.year}: ${formatPercent(latest)} ·`);
    expect(text).toMatch(/[+-]?\d+(,\d)? pp since Q\d \d{4}/);
  });

  it('under a category filter the quarters read the filtered cells, for the province and for one commune', async () => {
    const q = busyQuarter;
    const pick = await server.db.execute({
      sql: 'SELECT commune_code AS c, sector AS s FROM indicator_cells WHERE period_id = ? GROUP BY commune_code, sector ORDER BY sum(n_sme) DESC LIMIT 1',
      args: [q.id],
    });
    const commune = String(pick.rows[0]!.c);
    const sector = String(pick.rows[0]!.s);
    const share = async (table: 'province_cells' | 'indicator_cells', where: string, args: string[]) => {
      const { rows } = await server.db.execute({
        sql: `SELECT coalesce(sum(n_sme_platform), 0) AS num, coalesce(sum(n_sme), 0) AS den FROM ${table} WHERE period_id = ? AND sector = ? ${where}`,
        args: [q.id, sector, ...args],
      });
      return percent(Number(rows[0]!.num), Number(rows[0]!.den));
    };
    const text = async (path: string) => (await page(path)).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    const provinceWide = await share('province_cells', "AND province_code = '37'", []);
    expect(await text(`/dashboard?period=${q.id}&sector=${sector}`)).toContain(
      `Quý ${q.quarter}/${q.year}: ${formatPercent(provinceWide)} ·`,
    );
    const one = await share('indicator_cells', 'AND commune_code = ?', [commune]);
    expect(one).not.toBeNull();
    expect(await text(`/dashboard?period=${q.id}&sector=${sector}&commune=${commune}`)).toContain(
      `Quý ${q.quarter}/${q.year}: ${formatPercent(one)} ·`,
    );
  });

  it('a commune officer’s trend reads their commune only', async () => {
    const officer = await login('demo-canbo-xa@example.com');
    const { rows } = await server.db.execute("SELECT scope_commune_code AS c FROM users WHERE email = 'demo-canbo-xa@example.com'");
    const q = currentPeriod(new Date(), 'quarter');
    const cell = await server.db.execute({
      sql: 'SELECT n_sme_platform AS num, n_sme AS den FROM commune_cells WHERE period_id = ? AND commune_code = ?',
      args: [q.id, String(rows[0]!.c)],
    });
    const share = cell.rows[0] ? percent(Number(cell.rows[0].num), Number(cell.rows[0].den)) : null;
    const text = (await (await officer.get('/dashboard')).text()).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain(`Quý ${q.quarter}/${q.year}: ${formatPercent(share)} ·`);
  });
});

describe('the breakdown of one indicator', () => {
  it('communes with one or two businesses showed 0 % / 100 % unflagged: now “ít mẫu”, no rank, never lagging', async () => {
    // Smallest denominators first, so the small samples are on the first page.
    const rows = breakdownRows(await page(`/dashboard?period=${busyYear}&by=commune&sort=count&dir=asc`));
    expect(rows.length).toBeGreaterThan(0);
    const small = rows.filter((r) => denominator(r) < 5);
    expect(small.length).toBeGreaterThan(0);
    for (const r of small) {
      expect(r.note, r.name).toBe('ít mẫu');
      expect(r.rank, r.name).toBe('—');
      expect(r.lagging, r.name).toBe(false);
    }
    for (const r of rows.filter((x) => denominator(x) >= 5)) expect(r.note).not.toBe('ít mẫu');
    // The denominators rise down the page.
    const ds = rows.map(denominator);
    expect([...ds].sort((a, b) => a - b)).toEqual(ds);
  });

  it('sorting parameters order the rows on the server: by value, by Vietnamese name, either direction', async () => {
    const byValue = breakdownRows(await page(`/dashboard?period=${busyYear}&by=commune&sort=value&dir=desc`));
    const ranked = byValue.filter((r) => r.note !== 'ít mẫu' && valueOf(r) !== null);
    expect(ranked.length).toBeGreaterThan(1);
    // Comparable rows first, highest value first; small samples after them.
    expect(byValue.slice(0, ranked.length)).toEqual(ranked);
    const values = ranked.map((r) => valueOf(r)!);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(ranked[0]!.rank).toBe('1');

    const collator = new Intl.Collator('vi');
    const asc = breakdownRows(await page(`/dashboard?period=${busyYear}&by=commune&sort=name&dir=asc`)).map((r) => r.name);
    expect([...asc].sort(collator.compare)).toEqual(asc);
    const desc = breakdownRows(await page(`/dashboard?period=${busyYear}&by=commune&sort=name&dir=desc`)).map((r) => r.name);
    expect([...desc].sort(collator.compare).reverse()).toEqual(desc);
    expect(desc[0]).not.toBe(asc[0]);
  });

  it('breakdown showed two indicators: every indicator can be chosen, and lagging rows are the ones under their line', async () => {
    const html = await page(`/dashboard?period=${busyYear}&by=commune&indicator=einvoice_adoption`);
    expect(html).toMatch(/<option value="einvoice_adoption" selected/);
    expect(html).toContain('Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử · chia theo xã/phường');
    for (const r of breakdownRows(html)) {
      if (r.lagging) expect(r.note).toBe('▼ chậm lộ trình');
      else expect(r.note).not.toContain('chậm');
    }
    // The choice survives the other links: the sort headers and the breakdown switcher carry it.
    expect(html).toMatch(/href="\/dashboard\?[^"]*indicator=einvoice_adoption[^"]*sort=name/);
  });

  it('bad comparison parameters are a 400 with a Vietnamese-first message, never a 500', async () => {
    for (const [q, message] of [
      ['indicator=khong-co', 'Chỉ số không hợp lệ'],
      ['sort=drop', 'Cách sắp xếp không hợp lệ'],
      ['sort=name&dir=up', 'Chiều sắp xếp không hợp lệ'],
    ] as const) {
      const res = await province.get(`/dashboard?${q}`);
      expect(res.status, q).toBe(400);
      expect(await res.text(), q).toContain(message);
    }
  });
});

describe('numbers the vi-VN way on staff pages', () => {
  it('a score printed "52.81" in the drill-down: now "52,8" like everywhere else', async () => {
    const { rows } = await server.db.execute({
      sql: 'SELECT b.name AS name, f.score AS score FROM indicator_facts f JOIN businesses b ON b.id = f.business_id WHERE f.period_id = ? AND f.score <> round(f.score) ORDER BY b.name_search LIMIT 1',
      args: [busyYear],
    });
    expect(rows.length).toBe(1);
    const score = Number(rows[0]!.score);
    const html = await page(`/dashboard/businesses?period=${busyYear}&flag=all`);
    expect(html).toContain(`<td>${formatNumber(score)}</td>`);
    expect(html).not.toContain(`<td>${score}</td>`);
    expect(formatNumber(score)).toMatch(/^\d+(,\d)?$/);
  });
});
