import sharp from 'sharp';

// Every photo is new to the server: libvips' operation cache would only hold memory.
sharp.cache(false);

/** What a member may send: the photo types browsers show. No SVG (it can carry scripts), no TIFF. */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'] as const;

/** sharp's names of the same formats, as it finds them in the file's bytes (AVIF is read as heif). */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'gif', 'webp', 'heif']);

/** The longest side of the stored photo and of its thumbnail, in pixels. */
export const FULL_SIZE = 2048;
export const THUMBNAIL_SIZE = 640;

/** Decoding a bigger picture is refused before it costs the server its memory (a "pixel bomb"). */
const MAX_INPUT_PIXELS = 50_000_000;

export class NotAnImage extends Error {}

export interface EncodedImage {
  contentType: 'image/webp';
  full: { body: Buffer; width: number; height: number };
  thumbnail: { body: Buffer; width: number; height: number };
}

/**
 * A member's photo made safe to show: decoded and re-encoded as WebP by sharp (libvips), turned
 * upright by its EXIF orientation, then written without any metadata (sharp keeps none unless
 * asked: no EXIF, no GPS position, no camera serial, no embedded thumbnail), at most FULL_SIZE
 * pixels on its longest side, with a THUMBNAIL_SIZE thumbnail for posts. What is stored is
 * therefore an image Parvis wrote, whatever bytes were sent. An animated GIF keeps its first frame.
 */
export async function encodeImage(input: Buffer): Promise<EncodedImage> {
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    throw new NotAnImage('The file is not an image Parvis can read.');
  }
  if (!format || !ACCEPTED_FORMATS.has(format))
    throw new NotAnImage(`Parvis does not accept ${format ?? 'this'} files.`);
  const encode = async (size: number, quality: number) => {
    try {
      const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
        .rotate()
        .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
        .webp({ quality })
        .toBuffer({ resolveWithObject: true });
      return { body: data, width: info.width, height: info.height };
    } catch {
      throw new NotAnImage('The image is damaged: Parvis cannot read it whole.');
    }
  };
  const full = await encode(FULL_SIZE, 82);
  const thumbnail = await encode(THUMBNAIL_SIZE, 75);
  return { contentType: 'image/webp', full, thumbnail };
}
