/**
 * Framework files (docs/frameworks.md, "Frameworks as data"): the same schema as the shipped frameworks,
 * errors at their exact path, the metadata every framework must carry, and `npm run framework:check`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFrameworkFile, issuePath } from '#src/domain/framework/file.ts';
import { createRegistry, listFrameworks, SHIPPED_FRAMEWORKS } from '#src/content/frameworks/registry.ts';
import { producerV1 } from '#src/content/frameworks/producer.ts';
import { REFERENCE_FRAMEWORKS } from '#src/content/frameworks/references.ts';
import { frameworkSummary, publicFramework } from '#src/domain/framework/public.ts';
import { DEFAULT_FRAMEWORKS, frameworkIdFor } from '#src/domain/framework/questionnaire.ts';
import { frameworkLine } from '#src/server/output/share-card.ts';

/** The producer framework as a file, renamed so it is a new framework. */
function file(edit: (f: any) => void = () => {}): string {
  const f = JSON.parse(JSON.stringify(producerV1));
  f.id = 'tinh-thu-nghiem';
  edit(f);
  return JSON.stringify(f, null, 2);
}

const pathsOf = (text: string) => {
  const r = checkFrameworkFile(text);
  if (r.ok) throw new Error('expected errors');
  return r.issues.map((i) => issuePath(i.path));
};

describe('framework files: path-precise errors', () => {
  it('accepts every shipped framework written out as JSON', () => {
    for (const f of SHIPPED_FRAMEWORKS) expect(checkFrameworkFile(JSON.stringify(f)).ok).toBe(true);
  });

  it('says where a file is not JSON', () => {
    const r = checkFrameworkFile('{ "id": "x", ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/^Không phải JSON hợp lệ \/ Not valid JSON/);
  });

  it.each<[string, (f: any) => void, string]>([
    ['a negative point', (f) => (f.pillars[1].questions[0].options[1].points = -1), 'pillars[1].questions[0].options[1].points'],
    ['an unknown question type', (f) => (f.pillars[0].questions[2].type = 'slider'), 'pillars[0].questions[2].type'],
    ['a missing status', (f) => delete f.meta.status, 'meta.status'],
    ['a superseded framework without validTo', (f) => (f.meta.status = 'superseded'), 'meta.validTo'],
    ['an impossible date', (f) => (f.meta.validFrom = '2025-02-30'), 'meta.validFrom'],
    ['a source that is not a web address', (f) => (f.meta.sources[0].url = 'file:///etc/passwd'), 'meta.sources[0].url'],
    ['an unknown field', (f) => (f.pillars[0].colour = 'red'), 'pillars[0]'],
    ['a duplicate question id', (f) => (f.pillars[1].questions[0].id = f.pillars[0].questions[0].id), 'pillars[1].questions[0].id'],
    ['a level out of order', (f) => (f.levels[2].level = 7), 'levels[2].level'],
    [
      'a condition on a later question',
      (f) => (f.pillars[0].questions[0].condition = { field: 'answers.p_training', in: ['once'] }),
      'pillars[0].questions[0].condition.field',
    ],
  ])('%s', (_name, edit, path) => {
    expect(pathsOf(file(edit))).toContain(path);
  });

  it('lists every problem, not only the first', () => {
    const paths = pathsOf(
      file((f) => {
        f.meta.status = 'official';
        f.pillars[0].weight = -2;
      }),
    );
    expect(paths).toEqual(expect.arrayContaining(['meta.status', 'pillars[0].weight']));
  });
});

describe('framework metadata', () => {
  it('every shipped framework says its status, legal basis and sources; superseded ones say until when', () => {
    for (const f of listFrameworks()) {
      expect(['current', 'superseded', 'local']).toContain(f.meta.status);
      expect(f.meta.legalBasis.vi.length).toBeGreaterThan(5);
      for (const s of f.meta.sources) expect(s.url).toMatch(/^https:\/\//);
      if (f.meta.status === 'superseded') expect(f.meta.validTo).toBeDefined();
    }
    const dbi = listFrameworks().find((f) => f.id === 'dbi-sme')!;
    expect(dbi.meta).toMatchObject({ status: 'superseded', validFrom: '2021-12-13', validTo: '2023-11-07' });
    expect(dbi.meta.legalBasis.vi).toBe('QĐ 1970/QĐ-BTTTT, 13/12/2021');
  });

  it('the SME default is the tool inventory and the producer default the producer framework, both local', () => {
    expect(DEFAULT_FRAMEWORKS).toEqual({ sme: 'sme-tools', producer: 'producer' });
    expect(frameworkIdFor('enterprise')).toBe('sme-tools');
    for (const t of ['cooperative', 'cooperative_group', 'household']) expect(frameworkIdFor(t)).toBe('producer');
    const summaries = listFrameworks().map(frameworkSummary);
    expect(summaries.filter((s) => s.default).map((s) => [s.id, s.defaultFor, s.status])).toEqual([
      ['producer', 'producer', 'local'],
      ['sme-tools', 'sme', 'local'],
    ]);
    expect(publicFramework(listFrameworks()[0]!)).toMatchObject({ status: 'superseded', default: false, scoring: { maximum: 'all' } });
  });

  it('the share image names the framework and its status, never "the national index" for a local one', () => {
    const byId = (id: string) => listFrameworks().find((f) => f.id === id)!;
    expect(frameworkLine(byId('dbi-sme'), 'vi')).toBe('Tự đánh giá theo QĐ 1970/QĐ-BTTTT, 13/12/2021 — đã được thay thế');
    expect(frameworkLine(byId('dbi-sme'), 'en')).toBe('Self-assessed under Decision 1970/QĐ-BTTTT, 13/12/2021 — superseded');
    expect(frameworkLine(byId('sme-tools'), 'vi')).toBe('Tự đánh giá bằng bộ câu hỏi của cổng (không phải bộ chỉ số chính thức)');
  });

  it('QĐ 2158 and the 2025 criteria are listed without a questionnaire, saying what is missing', () => {
    const byId = new Map(REFERENCE_FRAMEWORKS.map((r) => [r.id, r]));
    expect(byId.get('dbi-sme-2023')!.meta).toMatchObject({ status: 'superseded', validFrom: '2023-11-07' });
    expect(byId.get('dbi-sme-2023')!.meta.legalBasis.vi).toBe('QĐ 2158/QĐ-BTTTT, 07/11/2023');
    expect(byId.get('dbi-sme-2023')!.missing.vi).toContain('trụ cột 6 và 7');
    expect(byId.get('most-2025')!.meta).toMatchObject({ status: 'current', validFrom: '2025-06-30' });
    // The decision's number and date rest on one record of it: the legal basis says so.
    expect(byId.get('most-2025')!.meta.legalBasis.vi).toMatch(/^QĐ 1567\/QĐ-BKHCN, 30\/06\/2025 \(.*chưa đọc được toàn văn/);
    expect(byId.get('most-2025')!.meta.sources.map((s) => s.url)).toContain(
      'https://nhansu.vn/van-ban-phap-luat/Quyet-dinh-1567-QD-BKHCN-2025-Bo-tieu-chi-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep-663482.html',
    );
    for (const r of REFERENCE_FRAMEWORKS) expect(listFrameworks().some((f) => f.id === r.id)).toBe(false);
  });
});

describe('registry.add (a published upload)', () => {
  it('adds a newer version and refuses one that is not newer', () => {
    const registry = createRegistry([producerV1]);
    const v2 = JSON.parse(JSON.stringify(producerV1));
    v2.version = 2;
    expect(registry.add(v2).version).toBe(2);
    expect(registry.getFramework('producer')!.version).toBe(2);
    expect(registry.getFramework('producer', 1)!.version).toBe(1);
    expect(() => registry.add(v2)).toThrow(/not newer than version 2/);
    expect(registry.listFrameworks().map((f) => [f.id, f.version])).toEqual([['producer', 2]]);
  });
});

describe('npm run framework:check FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'framework-check-'));
  const run = (text: string) => {
    const path = join(dir, `f${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, text);
    return spawnSync(process.execPath, ['scripts/framework-check.ts', path], { encoding: 'utf8' });
  };

  it('exits 0 on a valid file', () => {
    const res = run(file());
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('"tinh-thu-nghiem" version 1');
  });

  it('exits 1 and prints every problem with its path', () => {
    const res = run(file((f) => (f.pillars[1].questions[0].options[1].points = -1)));
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('pillars[1].questions[0].options[1].points:');
  });
});
