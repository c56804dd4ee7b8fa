// OCOP product photos and prices through the built server: uploads are checked by content and size while they
// stream, photos are resized and stripped of metadata, only editors of the product may add or delete them, and
// /ocop shows photo, price and floor names (its cached page follows every change).
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless } from '../helpers/http.ts';
import { MAX_PHOTO_BYTES } from '#src/domain/ocop/photo.ts';

let server: TestServer;
let helperA: Browserless;
let helperB: Browserless;
let officerA: Browserless;
let otherOwner: Browserless;
let communeA: string;
let producerId: number;
let productId: number;
let productPath: string;

const DEMO_PASSWORD = 'demo-portal-2025';

async function login(login: string, password: string): Promise<Browserless> {
  const c = new Browserless(server.url);
  expect((await c.post('/login', { login, password })).status).toBe(303);
  return c;
}

/** A photo form as a browser sends it (multipart, same origin, the session cookie). */
function upload(c: Browserless, path: string, bytes: Uint8Array, filename: string, type = 'image/jpeg'): Promise<Response> {
  const form = new FormData();
  form.append('photo', new Blob([bytes as BlobPart], { type }), filename);
  return fetch(c.base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: c.base, cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: form,
  });
}

const photoCount = async () =>
  Number((await server.db.execute({ sql: 'SELECT count(*) AS n FROM product_photos WHERE product_id = ?', args: [productId] })).rows[0]!.n);
const photoHashes = async () =>
  (await server.db.execute({ sql: 'SELECT hash FROM product_photos WHERE product_id = ? ORDER BY id', args: [productId] })).rows.map((r) =>
    String(r.hash),
  );

/** A landscape camera JPEG with EXIF (camera, owner, GPS) and the "turn 90°" orientation flag of a phone held upright. */
async function cameraJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Dien thoai', Copyright: 'chu-so-huu-bi-mat' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '20/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 58/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

beforeAll(async () => {
  server = await startServer({ demo: true });
  const rs = await server.db.execute("SELECT scope_commune_code AS c FROM users WHERE email = 'demo-totruong@example.com'");
  communeA = String(rs.rows[0]!.c);
  const other = await server.db.execute({
    sql: "SELECT code FROM communes WHERE province_code = '37' AND code <> ? ORDER BY code LIMIT 1",
    args: [communeA],
  });
  const admin = await login(ADMIN.email, ADMIN.password);
  await admin.post('/admin/users', {
    role: 'helper',
    displayName: 'Tổ CNS xã khác',
    login: 'helper-anh@example.com',
    password: 'mat-khau-helper-anh',
    communeCode: String(other.rows[0]!.code),
  });
  helperA = await login('demo-totruong@example.com', DEMO_PASSWORD);
  helperB = await login('helper-anh@example.com', 'mat-khau-helper-anh');
  officerA = await login('demo-canbo-xa@example.com', DEMO_PASSWORD);
  // The demo business owner: another business in the same commune.
  otherOwner = await login('demo-doanhnghiep@example.com', DEMO_PASSWORD);

  const reg = await helperA.post('/assisted/new', {
    producerType: 'household',
    displayName: 'Hộ bà Lê Thị Ảnh',
    businessName: '',
    phone: '0913 222 333',
    taxCode: '',
    consentedBy: 'Lê Thị Ảnh',
    relation: 'self',
    method: 'assisted_verbal',
    consent_processing: 'true',
  });
  expect(reg.status).toBe(303);
  producerId = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
  const created = await helperA.post(`/businesses/${producerId}/products/new`, {
    intent: 'product',
    name: 'Mật ong hoa nhãn Ảnh',
    group: 'food',
    stars: '4',
    certificateNo: 'OCOP-4-2024',
    certificateYear: '2024',
    communeCode: communeA,
    description: '',
    price: '120.000',
    priceUnit: 'hộp 500 g',
  });
  expect(created.status).toBe(303);
  productId = Number(/\/products\/(\d+)/.exec(created.headers.get('location')!)![1]);
  productPath = `/businesses/${producerId}/products/${productId}`;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('product price', () => {
  it('is stored in đồng from "120.000"; a bad price is refused next to the field and nothing changes', async () => {
    const row = await server.db.execute({ sql: 'SELECT price_vnd, price_unit FROM ocop_products WHERE id = ?', args: [productId] });
    expect(row.rows[0]).toMatchObject({ price_vnd: 120000, price_unit: 'hộp 500 g' });
    const bad = await helperA.post(productPath, {
      intent: 'product',
      name: 'Mật ong hoa nhãn Ảnh',
      group: 'food',
      stars: '4',
      certificateNo: 'OCOP-4-2024',
      certificateYear: '2024',
      communeCode: communeA,
      price: '12,5',
      priceUnit: 'hộp 500 g',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(/<span class="error" id="f-price-error">Giá bán phải là số đồng/);
    expect(html).toMatch(/<input id="f-price" name="price"[^>]*value="12,5"[^>]*aria-invalid="true"/);
    const after = await server.db.execute({ sql: 'SELECT price_vnd FROM ocop_products WHERE id = ?', args: [productId] });
    expect(after.rows[0]!.price_vnd).toBe(120000);
    // The edit form shows the stored price as vi-VN writes it.
    expect(await (await helperA.get(productPath)).text()).toMatch(/<input id="f-price" name="price"[^>]*value="120.000"/);
  });
});

describe('photo uploads refuse non-images and oversize files', () => {
  it('a text file renamed .jpg: 400 with a message, nothing stored', async () => {
    const res = await upload(helperA, productPath, new TextEncoder().encode('Đây là văn bản, không phải ảnh.\n'.repeat(50)), 'anh.jpg');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Tệp này không phải là ảnh');
    expect(html).toMatch(/<span class="error" id="f-photo-error">Tệp này không phải là ảnh/);
    // The upload form, folded away otherwise, is open with its error.
    expect(html).toMatch(/<details open>\s*<summary>Thêm ảnh<\/summary>/);
    expect(await photoCount()).toBe(0);
  });

  it('a file that only starts like a JPEG is refused too (it must decode)', async () => {
    const fake = new Uint8Array(4096).fill(0x41);
    fake.set([0xff, 0xd8, 0xff, 0xe0]);
    const res = await upload(helperA, productPath, fake, 'anh.jpg');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Tệp này không phải là ảnh');
    expect(await photoCount()).toBe(0);
  });

  it('a file over the size limit: 413 with a message, nothing stored', async () => {
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const res = await upload(helperA, productPath, big, 'lon.jpg');
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Ảnh quá lớn: tối đa 5 MB');
    expect(await photoCount()).toBe(0);
  });

  it('a camera JPEG with EXIF and GPS: stored, served upright and resized, with no metadata left', async () => {
    const jpeg = await cameraJpeg();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    expect(jpeg.includes('chu-so-huu-bi-mat')).toBe(true);
    const res = await upload(helperA, productPath, jpeg, 'IMG_0001.JPG');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Đã thêm ảnh.');
    expect(await photoCount()).toBe(1);
    const [hash] = await photoHashes();
    expect(page).toContain(`/ocop/photos/${hash}-thumb.webp`);

    // The editor sees it before the product is public.
    const full = await helperA.get(`/ocop/photos/${hash}.webp`);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/webp');
    expect(full.headers.get('cache-control')).toMatch(/private/);
    const bytes = Buffer.from(await full.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    // Turned upright first (the landscape file is a portrait photo), then shrunk to 1200 px wide.
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 1200, 1800]);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(bytes.includes('chu-so-huu-bi-mat')).toBe(false);
    expect(bytes.includes('TestCam')).toBe(false);

    const thumb = await helperA.get(`/ocop/photos/${hash}-thumb.webp`);
    const tmeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([tmeta.width, tmeta.height, tmeta.exif]).toEqual([320, 480, undefined]);

    // The same photo twice is refused; nothing more is stored.
    const again = await upload(helperA, productPath, jpeg, 'IMG_0001.JPG');
    expect(again.status).toBe(409);
    expect(await photoCount()).toBe(1);
    const audit = await server.db.execute({
      sql: "SELECT count(*) AS n FROM audit_log WHERE action = 'product_photo_add' AND entity_id = ?",
      args: [String(producerId)],
    });
    expect(Number(audit.rows[0]!.n)).toBe(1);
  });

  it('a photo is not shown to anyone else while the product is not public', async () => {
    const [hash] = await photoHashes();
    expect((await fetch(`${server.url}/ocop/photos/${hash}.webp`)).status).toBe(404);
    expect((await helperB.get(`/ocop/photos/${hash}.webp`)).status).toBe(404);
    expect((await otherOwner.get(`/ocop/photos/${hash}-thumb.webp`)).status).toBe(404);
    expect((await fetch(`${server.url}/ocop/photos/not-a-hash.webp`)).status).toBe(404);
  });
});

describe('only editors of the product add or delete photos', () => {
  it('a helper of another commune, another business, and a commune officer (who only reads) cannot upload', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer();
    expect([403, 404]).toContain((await upload(helperB, productPath, png, 'a.png', 'image/png')).status);
    expect([403, 404]).toContain((await upload(otherOwner, productPath, png, 'a.png', 'image/png')).status);
    expect((await upload(officerA, productPath, png, 'a.png', 'image/png')).status).toBe(403);
    expect((await upload(new Browserless(server.url), productPath, png, 'a.png', 'image/png')).status).toBeGreaterThanOrEqual(300);
    expect(await photoCount()).toBe(1);
  });

  it('nor delete one; the editor can', async () => {
    const photoId = String(
      (await server.db.execute({ sql: 'SELECT id FROM product_photos WHERE product_id = ?', args: [productId] })).rows[0]!.id,
    );
    expect([403, 404]).toContain((await helperB.post(productPath, { intent: 'photo-delete', photoId })).status);
    expect([403, 404]).toContain((await otherOwner.post(productPath, { intent: 'photo-delete', photoId })).status);
    expect((await officerA.post(productPath, { intent: 'photo-delete', photoId })).status).toBe(403);
    expect(await photoCount()).toBe(1);
    // A photo id of another product is "not found" here.
    expect((await helperA.post(productPath, { intent: 'photo-delete', photoId: '999999' })).status).toBe(404);
    const del = await helperA.post(productPath, { intent: 'photo-delete', photoId });
    expect(del.status).toBe(200);
    expect(await del.text()).toContain('Đã xoá ảnh.');
    expect(await photoCount()).toBe(0);
  });

  it('at most four photos per product', async () => {
    for (let i = 0; i < 4; i++) {
      const png = await sharp({ create: { width: 60 + i, height: 40, channels: 3, background: '#336699' } })
        .png()
        .toBuffer();
      expect((await upload(helperA, productPath, png, `p${i}.png`, 'image/png')).status).toBe(200);
    }
    const fifth = await sharp({ create: { width: 99, height: 40, channels: 3, background: '#993366' } })
      .png()
      .toBuffer();
    const res = await upload(helperA, productPath, fifth, 'p5.png', 'image/png');
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('tối đa 4 ảnh');
    expect(await photoCount()).toBe(4);
    // The form is gone once the product has four.
    expect(await (await helperA.get(productPath)).text()).not.toContain('id="f-photo"');
  });
});

describe('/ocop shows the photo, the price and the floor name', () => {
  it('after consent to publication: thumbnail, "120.000 ₫ / hộp 500 g", Postmart by name; the cached page follows changes', async () => {
    const hidden = await (await fetch(`${server.url}/ocop?q=mat ong hoa nhan anh`)).text();
    expect(hidden).not.toContain('Mật ong hoa nhãn Ảnh');
    expect(
      (
        await helperA.post(productPath, {
          intent: 'status',
          floor: 'postmart',
          status: 'listed',
          url: 'https://postmart.vn/san-pham/mat-ong-hoa-nhan-123',
        })
      ).status,
    ).toBe(200);
    const grant = await helperA.post(`/businesses/${producerId}/consents`, {
      intent: 'grant',
      purpose: 'publish_products',
      consentedBy: 'Lê Thị Ảnh',
      relation: 'self',
      method: 'assisted_verbal',
    });
    expect(grant.status).toBe(303);

    const list = await fetch(`${server.url}/ocop?q=mat ong hoa nhan anh`);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('Mật ong hoa nhãn Ảnh');
    expect(html).toMatch(/120\.000\s₫ \/ hộp 500 g/);
    expect(html).toMatch(/<a href="https:\/\/postmart\.vn\/san-pham\/mat-ong-hoa-nhan-123"[^>]*>\s*Postmart\s*<\/a>/);
    expect(html).not.toMatch(/>\s*postmart\s*</);
    const [first] = await photoHashes();
    expect(html).toMatch(new RegExp(`<img[^>]*src="/ocop/photos/${first}-thumb\\.webp"[^>]*alt="Mật ong hoa nhãn Ảnh"`));

    // Now public: anyone gets the photo, cached long by browsers, revalidated by its ETag.
    const photo = await fetch(`${server.url}/ocop/photos/${first}.webp`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('cache-control')).toMatch(/public.*max-age=31536000/);
    const etag = photo.headers.get('etag')!;
    expect(etag).toContain(first);
    expect((await fetch(`${server.url}/ocop/photos/${first}.webp`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const detail = await (await fetch(`${server.url}/ocop/${productId}`)).text();
    expect(detail).toMatch(/120\.000\s₫ \/ hộp 500 g/);
    expect(detail).toContain(`/ocop/photos/${first}.webp`);

    const api = await (await fetch(`${server.url}/api/v1/ocop-products?q=mat ong hoa nhan anh`)).json();
    const p = api.products.find((x: { id: number }) => x.id === productId);
    expect(p.price).toEqual({ vnd: 120000, unit: 'hộp 500 g', text: '120.000\u00a0₫ / hộp 500 g' });
    expect(p.photos).toHaveLength(4);
    expect(p.photos[0]).toMatchObject({ url: `/ocop/photos/${first}.webp`, thumbUrl: `/ocop/photos/${first}-thumb.webp` });

    // A price change and a deleted photo reach the cached page at once.
    expect(
      (
        await helperA.post(productPath, {
          intent: 'product',
          name: 'Mật ong hoa nhãn Ảnh',
          group: 'food',
          stars: '4',
          certificateNo: 'OCOP-4-2024',
          certificateYear: '2024',
          communeCode: communeA,
          price: '135000',
          priceUnit: 'hộp 500 g',
        })
      ).status,
    ).toBe(200);
    const photoId = String((await server.db.execute({ sql: 'SELECT id FROM product_photos WHERE hash = ?', args: [first!] })).rows[0]!.id);
    expect((await helperA.post(productPath, { intent: 'photo-delete', photoId })).status).toBe(200);
    const changed = await (await fetch(`${server.url}/ocop?q=mat ong hoa nhan anh`)).text();
    expect(changed).toMatch(/135\.000\s₫ \/ hộp 500 g/);
    expect(changed).not.toContain(first!);
    expect((await fetch(`${server.url}/ocop/photos/${first}.webp`)).status).toBe(404);

    // Consent withdrawn: the photos are no longer public.
    const [second] = await photoHashes();
    const consentId = String(
      (
        await server.db.execute({
          sql: "SELECT id FROM consents WHERE business_id = ? AND purpose = 'publish_products' AND withdrawn_at IS NULL",
          args: [producerId],
        })
      ).rows[0]!.id,
    );
    await server.db.execute({ sql: 'UPDATE consents SET withdrawn_at = ? WHERE id = ?', args: [Date.now(), consentId] });
    expect((await fetch(`${server.url}/ocop/photos/${second}.webp`)).status).toBe(404);
  });
});
