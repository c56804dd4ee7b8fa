import { describe, expect, it } from 'vitest';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { loadFonts, renderShareImage, SHARE_HEIGHT, SHARE_WIDTH } from '#src/server/output/share-image.ts';

const CARD = {
  businessName: 'Hợp tác xã Nông nghiệp Đồng Tháp Mười – Nghêu Giao Thủy',
  title: 'Mức độ chuyển đổi số',
  scoreLabel: '47/100',
  levelLabel: 'Cấp độ 3: Hình thành',
  pillars: [
    { name: 'Trải nghiệm số cho khách hàng', score: 62 },
    { name: 'Chiến lược', score: 40 },
    { name: 'Hạ tầng và công nghệ số', score: 55 },
    { name: 'Vận hành', score: 38 },
    { name: 'Chuyển đổi số văn hóa doanh nghiệp', score: 44 },
    { name: 'Dữ liệu và tài sản thông tin', score: 31 },
  ],
  footer: 'Tự đánh giá theo bộ chỉ số quốc gia',
};

/** Renders one string alone and measures its ink: pixel count and vertical extent. */
async function ink(text: string): Promise<{ pixels: number; top: number; bottom: number }> {
  const svg = await satori(
    {
      type: 'div',
      props: {
        style: {
          display: 'flex',
          width: 200,
          height: 200,
          fontSize: 120,
          fontFamily: 'Be Vietnam Pro',
          color: '#000',
          backgroundColor: '#fff',
          paddingLeft: 40,
          paddingTop: 20,
        },
        children: text,
      },
    } as never,
    { width: 200, height: 200, fonts: loadFonts() },
  );
  const img = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  const { pixels, width, height } = img;
  let count = 0;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (pixels[i]! < 128 && pixels[i + 3]! > 128) {
        count++;
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  return { pixels: count, top, bottom };
}

describe('share image', () => {
  it('is a 1200×630 PNG under 150 KB', async () => {
    const png = await renderShareImage(CARD);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(SHARE_WIDTH);
    expect(png.readUInt32BE(20)).toBe(SHARE_HEIGHT);
    expect(png.byteLength).toBeLessThan(150 * 1024);
  });

  it('is deterministic and depends on the text', async () => {
    const a = await renderShareImage(CARD);
    const b = await renderShareImage({ ...CARD });
    const c = await renderShareImage({ ...CARD, businessName: 'Hop tac xa Nong nghiep Dong Thap Muoi - Ngheu Giao Thuy' });
    expect(Buffer.compare(a, b)).toBe(0);
    expect(Buffer.compare(a, c)).not.toBe(0);
  });

  // The bundled font must carry every Vietnamese letter: a diacritic adds ink above or below its base
  // letter; a missing glyph would render nothing (or a box the same for every letter).
  it.each([
    ['ợ', 'o'],
    ['ữ', 'u'],
    ['ậ', 'a'],
    ['ế', 'e'],
    ['ề', 'e'],
    ['ổ', 'o'],
    ['ỗ', 'o'],
    ['ặ', 'a'],
    ['ỹ', 'y'],
    ['Ấ', 'A'],
    ['Ở', 'O'],
    ['Ự', 'U'],
  ])('draws %s with its marks (more ink and taller than %s)', async (letter, base) => {
    const [l, b] = await Promise.all([ink(letter), ink(base)]);
    expect(b.pixels).toBeGreaterThan(100);
    expect(l.pixels).toBeGreaterThan(b.pixels);
    expect(l.bottom - l.top).toBeGreaterThan(b.bottom - b.top);
  });

  it('draws đ and Đ as their own letters, not as d and D', async () => {
    const [dd, d, DD, D] = await Promise.all([ink('đ'), ink('d'), ink('Đ'), ink('D')]);
    expect(dd.pixels).toBeGreaterThan(d.pixels);
    expect(DD.pixels).toBeGreaterThan(D.pixels);
  });
});
