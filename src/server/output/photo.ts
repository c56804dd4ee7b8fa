// Product photos as stored and served: decoded (which proves the upload is an image), turned upright, shrunk to
// the page's width and re-encoded as WebP. Re-encoding writes only pixels: sharp copies no EXIF, GPS, XMP or ICC
// metadata unless `withMetadata`/`keepMetadata` is called, which is never done here.
import sharp from 'sharp';
import { MAX_PHOTO_PIXELS, PHOTO_MAX_WIDTH, PHOTO_MESSAGES, sniffPhotoFormat, THUMB_MAX_WIDTH } from '#src/domain/ocop/photo.ts';
import { AppError } from '#src/server/http/errors.ts';
import { BadRequestError } from '#src/server/http/body.ts';

// A worker serves pages too: decoded images are not kept in sharp's cache.
sharp.cache(false);

export const PHOTO_MIME = 'image/webp';

export type ProcessedPhoto = {
  mime: string;
  bytes: Buffer;
  width: number;
  height: number;
  thumb: Buffer;
  thumbWidth: number;
  thumbHeight: number;
};

async function encode(input: Buffer, maxWidth: number, quality: number) {
  const { data, info } = await sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' })
    // First, so the width limit applies to the picture as it is seen (a portrait phone photo is stored sideways).
    .rotate()
    .resize({ width: maxWidth, withoutEnlargement: true })
    .webp({ quality, effort: 4 })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * The stored forms of an uploaded photo, or a 400 with a Vietnamese-first message when the bytes are not an
 * image sharp can decode (whatever the file's name said).
 */
export async function processPhoto(input: Uint8Array): Promise<ProcessedPhoto> {
  if (input.byteLength === 0) throw new BadRequestError(PHOTO_MESSAGES.empty);
  if (!sniffPhotoFormat(input.subarray(0, 16))) throw new BadRequestError(PHOTO_MESSAGES.notImage);
  const buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  try {
    const meta = await sharp(buffer, { limitInputPixels: MAX_PHOTO_PIXELS }).metadata();
    if (!meta.width || !meta.height) throw new BadRequestError(PHOTO_MESSAGES.notImage);
    const full = await encode(buffer, PHOTO_MAX_WIDTH, 80);
    const thumb = await encode(buffer, THUMB_MAX_WIDTH, 72);
    return {
      mime: PHOTO_MIME,
      bytes: full.data,
      width: full.width,
      height: full.height,
      thumb: thumb.data,
      thumbWidth: thumb.width,
      thumbHeight: thumb.height,
    };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const message = e instanceof Error ? e.message : '';
    if (/pixel limit/i.test(message)) throw new BadRequestError(PHOTO_MESSAGES.tooManyPixels);
    throw new BadRequestError(PHOTO_MESSAGES.notImage);
  }
}
