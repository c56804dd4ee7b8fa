import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';

let server: TestServer;
let commune: string;
beforeAll(async () => {
  // Behind a trusted proxy, X-Forwarded-For lets the tests speak from several client IPs.
  server = await startServer({ env: { TRUST_PROXY: '1' } });
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1");
  commune = String(rs.rows[0]!.code);
});
afterAll(async () => {
  await server?.stop();
});

async function count(sql: string, args: (string | number)[] = []): Promise<number> {
  const rs = await server.db.execute({ sql, args });
  return Number(rs.rows[0]![0]);
}

const from = (ip: string) => ({ 'x-forwarded-for': ip });

function form(taxCode: string, login: string, password = 'mat-khau-dang-ky') {
  return { taxCode, name: 'Công ty Đăng Ký Đồng Thời', communeCode: commune, login, password, consent: 'yes' };
}

/** The alert text of a form answer, without markup. */
function alertText(html: string): string {
  const m = /<div class="alert"[^>]*role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  return (m?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('registration attacks', () => {
  it('four concurrent registrations of one tax code: one succeeds, the rest answer 409 with a clear message, never 500', async () => {
    const tax = validTaxCode('085000001');
    const answers = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        new Browserless(server.url).post(
          '/register',
          form(tax, `dongthoi${i}@example.com`, `mat-khau-dong-thoi-${i}`),
          from(`192.0.2.${i}`),
        ),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([303, 409, 409, 409]);
    for (const r of answers.filter((a) => a.status === 409)) {
      expect(await r.text()).toContain('Mã số thuế này đã được đăng ký');
    }
    expect(await count('SELECT count(*) FROM businesses WHERE tax_code = ?', [tax])).toBe(1);
    expect(await count("SELECT count(*) FROM users WHERE email LIKE 'dongthoi%@example.com'")).toBe(1);
  });

  it('four concurrent registrations with one e-mail: one succeeds, the rest answer 409, never 500', async () => {
    const answers = await Promise.all(
      [11, 12, 13, 14].map((i) =>
        new Browserless(server.url).post('/register', form(validTaxCode(`0850000${i}`), 'cungemail@example.com'), from(`192.0.2.${i}`)),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([303, 409, 409, 409]);
    expect(await count("SELECT count(*) FROM users WHERE email = 'cungemail@example.com'")).toBe(1);
    // Nothing half-written: only the winner's business exists.
    expect(
      await count("SELECT count(*) FROM businesses WHERE tax_code LIKE '0850000%' AND tax_code <> ?", [validTaxCode('085000001')]),
    ).toBe(1);
  });

  it('the server log never holds the argon2 hash, the password or the e-mail of a racing registration', async () => {
    const tax = validTaxCode('085000020');
    await Promise.all(
      [21, 22, 23, 24].map((i) =>
        new Browserless(server.url).post('/register', form(tax, `nhatky${i}@example.com`, `mat-khau-bi-mat-${i}`), from(`192.0.2.${i}`)),
      ),
    );
    const logs = server.logs();
    expect(logs).not.toContain('$argon2id$');
    for (const i of [21, 22, 23, 24]) {
      expect(logs).not.toContain(`mat-khau-bi-mat-${i}`);
      expect(logs).not.toContain(`nhatky${i}@example.com`);
    }
    for (const i of [1, 2, 3, 4]) expect(logs).not.toContain(`dongthoi${i}@example.com`);
    expect(logs).not.toContain('cungemail@example.com');
  });

  it('a taken e-mail and a taken tax code get the same answer (a stranger cannot test who is registered)', async () => {
    const tax = validTaxCode('085000030');
    const owner = new Browserless(server.url);
    expect((await owner.post('/register', form(tax, 'chusohuu@example.com'), from('192.0.2.30'))).status).toBe(303);
    const takenTax = await new Browserless(server.url).post('/register', form(tax, 'nguoila1@example.com'), from('192.0.2.31'));
    const takenEmail = await new Browserless(server.url).post(
      '/register',
      form(validTaxCode('085000031'), 'chusohuu@example.com'),
      from('192.0.2.31'),
    );
    expect(takenTax.status).toBe(409);
    expect(takenEmail.status).toBe(409);
    const a = alertText(await takenTax.text());
    const b = alertText(await takenEmail.text());
    expect(a.length).toBeGreaterThan(20);
    expect(a).toBe(b);
    // The honest owner of the tax code is shown the way forward.
    expect(a).toContain('yêu cầu chuyển quyền');
  });

  it('registration is throttled per IP', async () => {
    const tax = validTaxCode('085000040');
    expect((await new Browserless(server.url).post('/register', form(tax, 'gioihan0@example.com'), from('192.0.2.40'))).status).toBe(303);
    const statuses: number[] = [];
    for (let i = 1; i <= 22; i++) {
      statuses.push((await new Browserless(server.url).post('/register', form(tax, `gioihan${i}@example.com`), from('192.0.2.40'))).status);
    }
    expect(statuses.slice(0, 19)).toEqual(Array(19).fill(409));
    expect(statuses.slice(19)).toEqual([429, 429, 429]);
    const refused = await new Browserless(server.url).post(
      '/register',
      form(validTaxCode('085000041'), 'gioihan-moi@example.com'),
      from('192.0.2.40'),
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another IP still registers.
    expect(
      (await new Browserless(server.url).post('/register', form(validTaxCode('085000041'), 'gioihan-moi@example.com'), from('192.0.2.41')))
        .status,
    ).toBe(303);
  });

  it('two-round validation: a bad tax code, a bad login, a commune outside the province and empty fields are all reported at once, nothing written', async () => {
    const before = await count('SELECT count(*) FROM businesses');
    const good = validTaxCode('085000060');
    const badCheckDigit = good.slice(0, 9) + String((Number(good[9]) + 1) % 10);
    const res = await new Browserless(server.url).post(
      '/register',
      { taxCode: badCheckDigit, name: '', communeCode: '99999', login: 'not-an-email@', password: '', consent: '' },
      from('192.0.2.60'),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    const linked = [...html.matchAll(/<a href="#f-([a-zA-Z]+)"/g)].map((m) => m[1]);
    expect(new Set(linked)).toEqual(new Set(['taxCode', 'name', 'communeCode', 'login', 'password', 'consent']));
    expect(await count('SELECT count(*) FROM businesses')).toBe(before);
  });
});
