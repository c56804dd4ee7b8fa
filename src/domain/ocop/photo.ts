/**
 * Product photos: how many, how large, which formats are taken, and the messages a refused upload gets. The
 * format is read from the file's first bytes, never from its name or the browser's declared type: a text
 * file renamed "anh.jpg" is not a photo.
 *
 * Pure module: no astro, no database, no clock.
 */

/** Photos per product: enough for front, back with the label, and the product in use (the listing checklist). */
export const MAX_PHOTOS_PER_PRODUCT = 4;
/** The largest file accepted, before resizing: a phone camera's JPEG is 2–5 MB. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The stored photo's width at most (a product page is never wider); smaller photos are not enlarged. */
export const PHOTO_MAX_WIDTH = 1200;
/** The list's thumbnail width at most. */
export const THUMB_MAX_WIDTH = 320;
/** Decoding bombs: a small file that claims an enormous canvas is refused before it is decoded. */
export const MAX_PHOTO_PIXELS = 50_000_000;

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';

const msg = (vi: string, en: string): string => `${vi} / ${en}`;

export const PHOTO_MESSAGES = {
  notImage: msg(
    'Tệp này không phải là ảnh (chỉ nhận JPEG, PNG, WebP, GIF hoặc AVIF)',
    'This file is not a photo (only JPEG, PNG, WebP, GIF or AVIF are accepted)',
  ),
  tooLarge: msg(
    `Ảnh quá lớn: tối đa ${MAX_PHOTO_BYTES / 1024 / 1024} MB mỗi ảnh`,
    `The photo is too large: ${MAX_PHOTO_BYTES / 1024 / 1024} MB per photo at most`,
  ),
  tooMany: msg(
    `Mỗi sản phẩm có tối đa ${MAX_PHOTOS_PER_PRODUCT} ảnh; hãy xoá bớt một ảnh trước`,
    `A product has at most ${MAX_PHOTOS_PER_PRODUCT} photos; delete one first`,
  ),
  tooManyPixels: msg('Ảnh có kích thước điểm ảnh quá lớn', 'The photo has too many pixels'),
  duplicate: msg('Sản phẩm đã có ảnh này', 'The product already has this photo'),
  empty: msg('Vui lòng chọn một ảnh để tải lên', 'Please choose a photo to upload'),
} as const;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));

/**
 * The image format the first bytes announce, or null. This is the cheap first check; the server still decodes
 * the image, so a file that only starts like a JPEG is refused too.
 */
export function sniffPhotoFormat(head: Uint8Array): PhotoFormat | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (head.length >= 6 && /^GIF8[79]a$/.test(ascii(head, 0, 6))) return 'gif';
  // ISO base media file: "ftyp" at byte 4, then the major brand.
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    // HEIC is not taken: the image library ships without its (patented) decoder. Phones convert on upload.
    if (brand === 'avif' || brand === 'avis') return 'avif';
  }
  return null;
}
