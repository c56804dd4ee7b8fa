import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless, taxCodeFrom } from '../helpers/http.ts';
import { shownIds } from '../helpers/assessment.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function count(sql: string, args: (string | number)[] = []): Promise<number> {
  const rs = await server.db.execute({ sql, args });
  return Number(rs.rows[0]!.n);
}

async function commune(): Promise<string> {
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1 OFFSET 9");
  return String(rs.rows[0]!.code);
}

function register(c: Browserless, prefix: string, name: string, email: string, communeCode: string): Promise<Response> {
  return c.post('/register', { taxCode: taxCodeFrom(prefix), name, communeCode, login: email, password: 'mat-khau-thu-1', consent: 'yes' });
}

describe('free text: names that render blank or reversed are refused', () => {
  it.each([
    ['a NUL', 'Công ty TNHH An\u0000Phát', '082200010', 'nul@example.com'],
    ['a right-to-left override', '\u202ECông ty TNHH An Phát', '082200020', 'rlo@example.com'],
    ['a right-to-left isolate', 'Công ty TNHH \u2067An Phát\u2069', '082200030', 'rli@example.com'],
    ['a C1 control', 'Công ty TNHH An\u0085Phát', '082200040', 'c1@example.com'],
  ])('registration with %s in the business name → 400 with a field error, nothing stored', async (_, name, prefix, email) => {
    const before = await count('SELECT count(*) AS n FROM businesses');
    const c = new Browserless(server.url);
    const res = await register(c, prefix, name, email, await commune());
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Tên chứa ký tự không hợp lệ');
    expect(html).toContain('id="f-name-error"');
    expect(await count('SELECT count(*) AS n FROM businesses')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM users WHERE email = ?', [email])).toBe(0);
  });

  it('a decomposed (NFD) name with extra spaces is stored as NFC, trimmed, and found by search', async () => {
    const c = new Browserless(server.url);
    const res = await register(
      c,
      '082200050',
      '  Hợp tác xã   Nông nghiệp Đồng Tâm  '.normalize('NFD'),
      'nfd@example.com',
      await commune(),
    );
    expect(res.status).toBe(303);
    const rs = await server.db.execute({
      sql: 'SELECT name, name_search FROM businesses WHERE tax_code = ?',
      args: [taxCodeFrom('082200050')],
    });
    expect(rs.rows[0]!.name).toBe('Hợp tác xã Nông nghiệp Đồng Tâm'.normalize('NFC'));
    expect(rs.rows[0]!.name_search).toBe('hop tac xa nong nghiep dong tam');
  });
});

describe('questionnaire numbers: plain decimals only', () => {
  it('"2.5" is not stored as 25 and "0x10" not as 16: both are field errors; "12" is stored', async () => {
    const c = new Browserless(server.url);
    const reg = await register(c, '082200060', 'Hợp tác xã Số Liệu', 'numbers@example.com', await commune());
    expect(reg.status).toBe(303);
    const id = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
    expect((await c.post(`/businesses/${id}/assessment`, {})).status).toBe(303);
    const profile = await c.post(`/businesses/${id}/assessment/profile`, {
      sector: 'A',
      producerType: 'cooperative',
      employees: '8',
      revenueMillion: '',
      capitalMillion: '',
      communeCode: await commune(),
    });
    expect(profile.status).toBe(303);

    // The page with the marketplace questions (producer framework).
    let path = '';
    let shown: string[] = [];
    for (let n = 1; n < 20 && !path; n++) {
      const html = await (await c.get(`/businesses/${id}/assessment/${n}`)).text();
      shown = shownIds(html);
      if (shown.includes('p_on_floor')) path = `/businesses/${id}/assessment/${n}`;
    }
    if (!shown.includes('p_floor_products')) shown.push('p_floor_products');
    expect(path).not.toBe('');
    const answers = async () => {
      const rs = await server.db.execute({ sql: "SELECT answers FROM assessments WHERE business_id = ? AND status = 'draft'", args: [id] });
      return JSON.parse(String(rs.rows[0]!.answers)) as Record<string, unknown>;
    };
    const save = (value: string) =>
      c.post(path, { shown: shown.join(','), intent: 'next', q_p_on_floor: 'true', q_p_floor_products: value });

    for (const [attack, message] of [
      ['2.5', 'Cần nhập số nguyên'], // 2.5 is read as 2.5, and the question wants a whole number
      ['0x10', 'Vui lòng chỉ nhập chữ số'],
      ['1e3', 'Vui lòng chỉ nhập chữ số'],
      ['Infinity', 'Vui lòng chỉ nhập chữ số'],
      ['1,200', 'dễ hiểu nhầm'],
    ] as const) {
      const res = await save(attack);
      expect(res.status, attack).toBe(400);
      const html = await res.text();
      expect(html, attack).toContain(message);
      expect(html, attack).toContain('id="q-p_floor_products-error"');
      expect(html, attack).toContain(`value="${attack}"`); // shown back to fix
      const stored = await answers();
      expect(stored.p_floor_products, attack).toBeUndefined();
      expect(stored.p_on_floor, attack).toBe(true);
    }

    expect((await save('12')).status).toBe(303);
    expect((await answers()).p_floor_products).toBe(12);
    expect((await save('1.000')).status).toBe(303); // Vietnamese thousands separator
    expect((await answers()).p_floor_products).toBe(1000);
  });

  it('the profile form: revenue "2.5" (million) is 2.5 million, not 25 million; "0x10" is a field error', async () => {
    const c = new Browserless(server.url);
    const reg = await register(c, '082200070', 'Công ty TNHH Doanh Thu', 'revenue@example.com', await commune());
    const id = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
    await c.post(`/businesses/${id}/assessment`, {});
    const form = { sector: 'G', producerType: 'enterprise', employees: '3', capitalMillion: '', communeCode: await commune() };
    const bad = await c.post(`/businesses/${id}/assessment/profile`, { ...form, revenueMillion: '0x10' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Vui lòng chỉ nhập chữ số');
    expect((await c.post(`/businesses/${id}/assessment/profile`, { ...form, revenueMillion: '2.5' })).status).toBe(303);
    const rs = await server.db.execute({ sql: 'SELECT revenue_vnd FROM businesses WHERE id = ?', args: [id] });
    expect(Number(rs.rows[0]!.revenue_vnd)).toBe(2_500_000);
  });

  it('the score API takes JSON numbers only: "0x10", "12" and 2.5 are refused with the answer’s path', async () => {
    const score = (value: unknown) =>
      fetch(`${server.url}/api/v1/score`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          framework: 'producer',
          profile: { sector: 'A', employees: 5, producerType: 'cooperative' },
          answers: { p_on_floor: true, p_floor_products: value },
        }),
      });
    for (const value of ['0x10', '12', 2.5, '1e3']) {
      const res = await score(value);
      expect(res.status, String(value)).toBe(400);
      const body = (await res.json()) as { issues: { path: (string | number)[]; message: string }[] };
      expect(body.issues[0]!.path, String(value)).toEqual(['answers', 'p_floor_products']);
    }
    expect((await score(12)).status).toBe(200);
  });
});
