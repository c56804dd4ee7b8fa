import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless, taxCodeFrom } from '../helpers/http.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { questionnairePages, toProfile } from '#src/domain/framework/questionnaire.ts';
import { followUpsOnPage } from '#src/domain/framework/presentation.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { DEPARTMENT_NAME: 'Sở Công Thương Ninh Bình (thử nghiệm)' } });
});
afterAll(async () => {
  await server?.stop();
});

async function registered(prefix: string): Promise<{ c: Browserless; id: number; commune: string }> {
  const c = new Browserless(server.url);
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1");
  const commune = String(rs.rows[0]!.code);
  const res = await c.post('/register', {
    taxCode: taxCodeFrom(prefix),
    name: `Cơ sở ${prefix}`,
    communeCode: commune,
    login: `hanh-trinh-${prefix}@example.com`,
    password: 'mat-khau-hanh-trinh',
    consent: 'yes',
  });
  expect(res.status).toBe(303);
  return { c, id: Number(/\/businesses\/(\d+)/.exec(res.headers.get('location')!)![1]), commune };
}

describe('questionnaire without JavaScript', () => {
  it('a save that opens follow-ups returns to the first of them (?new=…#q-…), never to the top; the page renders them focused', async () => {
    const { c, id, commune } = await registered('086000010');
    await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' });
    await c.post(`/businesses/${id}/assessment/profile`, {
      sector: 'I',
      producerType: 'enterprise',
      employees: '9',
      revenueMillion: '',
      capitalMillion: '',
      communeCode: commune,
    });
    const fw = getFramework('dbi-sme')!;
    const profile = toProfile({
      sector: 'I',
      employees: 9,
      revenueVnd: null,
      capitalVnd: null,
      producerType: 'enterprise',
      communeCode: commune,
    });
    const page = questionnairePages(fw).find((p) => followUpsOnPage(p, profile, {}).length > 0)!;
    const up = followUpsOnPage(page, profile, {})[0]!;
    const trigger = up.condition!.field.slice('answers.'.length);
    const path = `/businesses/${id}/assessment/${page.number}`;
    const html = await (await c.get(path)).text();
    const shown = /name="shown" value="([^"]*)"/.exec(html)![1]!;
    expect(shown.split(',')).not.toContain(up.id);
    // The follow-up is on the page already, hidden and disabled (so nothing of it is sent without JavaScript).
    expect(html).toMatch(new RegExp(`<fieldset[^>]*id="q-${up.id}"[^>]*hidden`));
    const res = await c.post(path, { shown, intent: 'next', [`q_${trigger}`]: String(up.condition!.in[0]) });
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location')!, server.url);
    expect(to.pathname).toBe(path);
    expect(to.hash).toBe(`#q-${up.id}`);
    expect(to.searchParams.get('new')!.split(',')[0]).toBe(up.id);
    const back = await (await c.get(to.pathname + to.search)).text();
    expect(back).toMatch(new RegExp(`<fieldset[^>]*class="question is-new"[^>]*id="q-${up.id}"`));
    expect(back).toMatch(/autofocus/);
  });

  it('a household skips the co-operatives’ page: going forward and back never lands on it', async () => {
    const fw = getFramework('producer')!;
    const coop = questionnairePages(fw).find((p) => p.sectionId === 'cooperative')!;
    // The page is empty for a household: a GET moves on to the next page with questions (or the review).
    const { c, id, commune } = await registered('086000020');
    await c.post(`/businesses/${id}/assessment`, {});
    await c.post(`/businesses/${id}/assessment/profile`, {
      sector: 'A',
      producerType: 'household',
      employees: '2',
      revenueMillion: '',
      capitalMillion: '',
      communeCode: commune,
    });
    const res = await c.get(`/businesses/${id}/assessment/${coop.number}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).not.toMatch(new RegExp(`/assessment/${coop.number}$`));
    const prev = await c.post(`/businesses/${id}/assessment/${coop.number - 1}`, { shown: '', intent: 'next' });
    expect(prev.headers.get('location')).not.toMatch(new RegExp(`/assessment/${coop.number}$`));
  });
});

describe('home page configuration', () => {
  it('DEPARTMENT_NAME names the Department on the home page', async () => {
    const html = await (await fetch(server.url + '/')).text();
    expect(html).toContain('Sở Công Thương Ninh Bình (thử nghiệm)');
    expect(html).toContain('tỉnh Ninh Bình');
  });
});
