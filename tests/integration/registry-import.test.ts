// The registry import as a province office does it: a file that names communes (with or without accents, or by
// their pre-2025 names), CSV or Excel, from the downloadable template; every row checked in a preview before
// anything is written; nothing half-imported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, importRegistry, previewToken, taxCodeFrom } from '../helpers/http.ts';
import { toXlsx } from '#src/server/output/spreadsheet.ts';

let server: TestServer;
let admin: Browserless;

async function login(login: string, password: string): Promise<Browserless> {
  const c = new Browserless(server.url);
  expect((await c.post('/login', { login, password })).status).toBe(303);
  return c;
}

const communeOf = async (taxCode: string) =>
  (await server.db.execute({ sql: 'SELECT commune_code AS c FROM businesses WHERE tax_code = ?', args: [taxCode] })).rows[0]?.c;
const registryCount = async () =>
  Number((await server.db.execute('SELECT count(*) AS n FROM businesses WHERE in_registry = 1')).rows[0]!.n);

beforeAll(async () => {
  server = await startServer();
  admin = await login(ADMIN.email, ADMIN.password);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('registry import by commune name, with a preview', () => {
  it('a file naming communes with and without diacritics and by a former name imports after the preview', async () => {
    const codes = [taxCodeFrom('087300000'), taxCodeFrom('087300100'), taxCodeFrom('087300200'), taxCodeFrom('087300300')];
    const csv = [
      'Mã số thuế;Tên doanh nghiệp;Ngành;Xã/phường;Số lao động;Doanh thu (triệu đồng)',
      `${codes[0]};Công ty Có Dấu;4711;Phường Phủ Lý;5;3000`,
      `${codes[1]};Công ty Không Dấu;4711;phuong phu ly;5;3000`,
      `${codes[2]};Công ty Tên Cũ;1079;Thị trấn Kiện Khê;12;9000`,
      `${codes[3]};Công ty Sai Xã;4711;Xã Không Có Thật;3;100`,
    ].join('\n');
    const { preview, previewHtml, confirm, confirmHtml } = await importRegistry(admin, csv);
    expect(preview.status).toBe(200);
    expect(previewHtml).toContain('Xem trước: chưa có gì được nhập');
    expect(previewHtml).toContain('3 dòng hợp lệ, 1 dòng lỗi');
    expect(previewHtml).toContain('<td>5</td>');
    expect(previewHtml).toContain('Không tìm thấy xã/phường');
    expect(confirm?.status).toBe(200);
    expect(confirmHtml).toContain('Đã nhập 3 doanh nghiệp (mới 3, cập nhật 0); bỏ qua 1 dòng lỗi');
    expect(await communeOf(codes[0]!)).toBe('13285');
    expect(await communeOf(codes[1]!)).toBe('13285');
    expect(await communeOf(codes[2]!)).toBe('13318');
    expect(await communeOf(codes[3]!)).toBeUndefined();
  });

  it('nothing is written before the confirmation, and a preview is confirmed once, by its author only', async () => {
    const before = await registryCount();
    const code = taxCodeFrom('087300400');
    const form = new FormData();
    form.append('file', new Blob([`ma_so_thue,ten,ma_xa\n${code},Công ty Chờ Xác Nhận,13285\n`]), 'r.csv');
    const res = await fetch(`${server.url}/admin/registry`, {
      method: 'POST',
      headers: { origin: server.url, cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: form,
    });
    const token = previewToken(await res.text())!;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(await registryCount()).toBe(before);

    // Another province staff member cannot confirm someone else's preview.
    await admin.post('/admin/users', {
      role: 'officer',
      displayName: 'Cán bộ tỉnh',
      login: 'tinh@example.com',
      password: 'mat-khau-can-bo-tinh',
    });
    const officer = await login('tinh@example.com', 'mat-khau-can-bo-tinh');
    const stolen = await officer.post('/admin/registry', { token });
    expect(stolen.status).toBe(400);
    expect(await stolen.text()).toContain('Bản xem trước không còn');
    expect(await registryCount()).toBe(before);

    expect((await admin.post('/admin/registry', { token })).status).toBe(200);
    expect(await registryCount()).toBe(before + 1);
    const twice = await admin.post('/admin/registry', { token });
    expect(twice.status).toBe(400);
    expect(await registryCount()).toBe(before + 1);
    for (const bad of ['', 'abc', '../../etc/passwd', 'g'.repeat(32)]) {
      expect((await admin.post('/admin/registry', { token: bad })).status, bad).toBe(400);
    }
  });

  it('a write that fails half-way leaves nothing half-imported', async () => {
    const before = await registryCount();
    const rows = Array.from({ length: 1200 }, (_, i) => `${taxCodeFrom(String(875000000 + i * 10))},Công ty Lô ${i},4711,13285`).filter(
      (r) => !r.startsWith(','),
    );
    const failing = rows[1100]!.split(',')[0]!;
    await server.db.execute(
      `CREATE TRIGGER fail_registry BEFORE INSERT ON businesses WHEN NEW.tax_code = '${failing}' BEGIN SELECT RAISE(ABORT, 'injected'); END`,
    );
    try {
      const { confirm } = await importRegistry(admin, ['ma_so_thue,ten,vsic,ma_xa', ...rows].join('\n'));
      expect(confirm?.status).toBe(500);
      expect(await registryCount()).toBe(before);
    } finally {
      await server.db.execute('DROP TRIGGER fail_registry');
    }
  });

  it('an Excel workbook filled from the template imports like a CSV; the templates download', async () => {
    const csvTemplate = await admin.get('/admin/registry/template.csv');
    expect(csvTemplate.status).toBe(200);
    expect(await csvTemplate.text()).toContain('Mã số thuế,Tên doanh nghiệp,Ngành,Xã/phường,Số lao động,Doanh thu (triệu đồng)');
    const xlsxTemplate = await admin.get('/admin/registry/template.xlsx');
    expect(xlsxTemplate.status).toBe(200);
    expect(xlsxTemplate.headers.get('content-type')).toContain('spreadsheetml');
    // The empty template itself previews as a file with no rows.
    const empty = await importRegistry(admin, new Uint8Array(await xlsxTemplate.arrayBuffer()), 'mau.xlsx');
    expect(empty.preview.status).toBe(400);
    expect(empty.previewHtml).toContain('Không có dòng hợp lệ');

    const code = taxCodeFrom('087300500');
    const header = (await (await admin.get('/admin/registry/template.csv')).text()).replace('\uFEFF', '').trim().split(',');
    const workbook = toXlsx([{ name: 'Danh bạ', rows: [header, [code, 'Công ty Bảng Tính', '4711', 'kien khe', 8, 2500]] }]);
    const filled = await importRegistry(admin, new Uint8Array(workbook), 'danh-ba.xlsx');
    expect(filled.previewHtml).toContain('1 dòng hợp lệ, 0 dòng lỗi');
    expect(filled.confirmHtml).toContain('Đã nhập 1 doanh nghiệp');
    expect(await communeOf(code)).toBe('13318');
    const revenue = await server.db.execute({ sql: 'SELECT revenue_vnd AS r FROM businesses WHERE tax_code = ?', args: [code] });
    expect(Number(revenue.rows[0]!.r)).toBe(2_500_000_000);
  });

  it('a file that looks like a workbook but is not one: 400 with a clear message, nothing written', async () => {
    const before = await registryCount();
    const fake = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('không phải excel')]);
    const { preview, previewHtml } = await importRegistry(admin, fake, 'gia.xlsx');
    expect(preview.status).toBe(400);
    expect(previewHtml).toContain('Không đọc được tệp Excel');
    expect(await registryCount()).toBe(before);
  });

  it('commune and helper staff cannot download the template or import', async () => {
    const helperLogin = 'helper-registry@example.com';
    await admin.post('/admin/users', {
      role: 'helper',
      displayName: 'Tổ viên',
      login: helperLogin,
      password: 'mat-khau-to-vien',
      communeCode: '13285',
    });
    const helper = await login(helperLogin, 'mat-khau-to-vien');
    expect((await helper.get('/admin/registry/template.csv')).status).toBe(403);
    expect((await helper.get('/admin/registry/template.xlsx')).status).toBe(403);
  });
});
