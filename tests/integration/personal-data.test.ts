import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless, taxCodeFrom } from '../helpers/http.ts';
import { answerPages, fetchFramework, worstFormValue } from '../helpers/assessment.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const count = async (sql: string, args: (string | number)[] = []) => Number((await server.db.execute({ sql, args })).rows[0]![0]);

describe('personal data rights', () => {
  it('a business downloads its data and erases it; counters forget it; nobody else can', async () => {
    const commune = String((await server.db.execute("SELECT code FROM communes WHERE province_code = '37' LIMIT 1")).rows[0]!.code);
    const c = new Browserless(server.url);
    const reg = await c.post('/register', {
      taxCode: taxCodeFrom('088000001'),
      name: 'Cơ sở Bánh đa Kế',
      communeCode: commune,
      login: 'banhda@example.com',
      password: 'mat-khau-banh-da',
      consent: 'yes',
    });
    const id = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
    await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' });
    await c.post(`/businesses/${id}/assessment/profile`, {
      sector: 'C',
      producerType: 'enterprise',
      employees: '4',
      revenueMillion: '',
      capitalMillion: '',
      communeCode: commune,
    });
    const review = await answerPages(c, id, await fetchFramework(server.url, 'dbi-sme'), worstFormValue);
    await c.post(review, {});
    expect(await count('SELECT sum(n) FROM province_cells')).toBe(2); // quarter and year

    const data = await c.get('/account/data.json');
    expect(data.status).toBe(200);
    const json = await data.json();
    expect(json.business.name).toBe('Cơ sở Bánh đa Kế');
    expect(json.accounts[0].email).toBe('banhda@example.com');
    expect(json.assessments).toHaveLength(1);
    expect(json.consents[0].purpose).toBe('processing');
    expect(JSON.stringify(json)).not.toContain('password');

    const other = new Browserless(server.url);
    await other.post('/register', {
      taxCode: taxCodeFrom('088000100'),
      name: 'Người khác',
      communeCode: commune,
      login: 'khac@example.com',
      password: 'mat-khau-khac',
      consent: 'yes',
    });
    const theirs = await (await other.get('/account/data.json')).json();
    expect(theirs.business.name).toBe('Người khác');

    const wrong = await c.post('/account/data', { password: 'sai', confirm: 'XOA' });
    expect(wrong.status).toBe(400);
    const noConfirm = await c.post('/account/data', { password: 'mat-khau-banh-da', confirm: '' });
    expect(noConfirm.status).toBe(400);
    expect(await count('SELECT count(*) FROM businesses WHERE id = ?', [id])).toBe(1);

    const erased = await c.post('/account/data', { password: 'mat-khau-banh-da', confirm: 'xoa' });
    expect(erased.status).toBe(303);
    expect(await count('SELECT count(*) FROM businesses WHERE id = ?', [id])).toBe(0);
    expect(await count("SELECT count(*) FROM users WHERE email = 'banhda@example.com'")).toBe(0);
    expect(await count('SELECT count(*) FROM assessments WHERE business_id = ?', [id])).toBe(0);
    expect(await count('SELECT count(*) FROM consents WHERE business_id = ?', [id])).toBe(0);
    expect(await count('SELECT count(*) FROM indicator_facts WHERE business_id = ?', [id])).toBe(0);
    expect(await count('SELECT sum(n) FROM province_cells')).toBe(0);
    expect(await count('SELECT sum(n) FROM indicator_cells')).toBe(0);
    expect((await c.get('/account')).status).toBe(303); // logged out: the session went with the account
    expect(await count('SELECT count(*) FROM businesses WHERE name = ?', ['Người khác'])).toBe(1);
  });
});
