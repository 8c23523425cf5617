import sharp from 'sharp';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';

/** The sizes every product image is stored in, by longest edge; the storefront links `/images/{id}/{size}.webp`. */
export const IMAGE_SIZES = { thumb: 160, medium: 480, large: 960 } as const;
export type ImageSize = keyof typeof IMAGE_SIZES;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);

export type ProcessedImage = {
  width: number;
  height: number;
  files: { size: ImageSize; width: number; height: number; bytes: Buffer }[];
};
export type ImageProblem = 'too-large' | 'not-an-image';

/**
 * Turns an uploaded photo (JPEG, PNG, WebP, AVIF or GIF, at most 10 MB) into WebP in three sizes: turned upright
 * as its EXIF says, metadata (location, camera) stripped, never enlarged. Anything sharp cannot read as one of
 * those formats is 'not-an-image', never an exception.
 */
export async function processImage(
  input: Buffer,
): Promise<{ ok: true; image: ProcessedImage } | { ok: false; reason: ImageProblem }> {
  if (input.length > MAX_IMAGE_BYTES) return { ok: false, reason: 'too-large' };
  try {
    const meta = await sharp(input, { limitInputPixels: 50_000_000 }).metadata();
    if (!meta.format || !FORMATS.has(meta.format)) return { ok: false, reason: 'not-an-image' };
    if (meta.format === 'heif' && meta.compression !== 'av1') return { ok: false, reason: 'not-an-image' };
    const files: ProcessedImage['files'] = [];
    for (const [size, edge] of Object.entries(IMAGE_SIZES) as [ImageSize, number][]) {
      const { data, info } = await sharp(input, { limitInputPixels: 50_000_000 })
        .rotate()
        .resize(edge, edge, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true });
      files.push({ size, width: info.width, height: info.height, bytes: data });
    }
    const large = files[files.length - 1]!;
    return { ok: true, image: { width: large.width, height: large.height, files } };
  } catch {
    return { ok: false, reason: 'not-an-image' };
  }
}

/** Stores a processed image as the product's last one. */
export async function addProductImage(
  ctx: Ctx,
  productId: string,
  image: ProcessedImage,
  alt: { nl: string; en: string },
): Promise<string> {
  const id = newId(ctx.clock.now().epochMilliseconds);
  await ctx.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('product_images')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('product_id', '=', productId)
      .executeTakeFirst();
    await trx
      .insertInto('product_images')
      .values({
        id,
        product_id: productId,
        position: Number(last?.p ?? -1) + 1,
        alt_nl: alt.nl,
        alt_en: alt.en,
        width: image.width,
        height: image.height,
        created_at: isoNow(ctx.clock),
      })
      .execute();
    await trx
      .insertInto('product_image_files')
      .values(
        image.files.map((f) => ({
          image_id: id,
          size: f.size,
          width: f.width,
          height: f.height,
          bytes: f.bytes,
        })),
      )
      .execute();
  });
  return id;
}

/** Changes an image's alt texts; false when the image is not this product's. */
export async function updateImageAlt(
  ctx: Ctx,
  productId: string,
  imageId: string,
  alt: { nl: string; en: string },
): Promise<boolean> {
  const r = await ctx.db
    .updateTable('product_images')
    .set({ alt_nl: alt.nl, alt_en: alt.en })
    .where('id', '=', imageId)
    .where('product_id', '=', productId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes an image and its files; false when the image is not this product's. */
export async function deleteProductImage(ctx: Ctx, productId: string, imageId: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const image = await trx
      .selectFrom('product_images')
      .select('id')
      .where('id', '=', imageId)
      .where('product_id', '=', productId)
      .executeTakeFirst();
    if (!image) return false;
    await trx.deleteFrom('product_image_files').where('image_id', '=', imageId).execute();
    await trx.deleteFrom('product_images').where('id', '=', imageId).execute();
    return true;
  });
}

/** Moves an image one place earlier or later; positions are renumbered 0, 1, 2… on the way. */
export async function moveProductImage(
  ctx: Ctx,
  productId: string,
  imageId: string,
  direction: 'up' | 'down',
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const ids = (
      await trx
        .selectFrom('product_images')
        .select('id')
        .where('product_id', '=', productId)
        .orderBy('position')
        .orderBy('created_at')
        .execute()
    ).map((r) => r.id);
    const from = ids.indexOf(imageId);
    if (from < 0) return false;
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to >= 0 && to < ids.length) [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    for (const [position, id] of ids.entries()) {
      await trx.updateTable('product_images').set({ position }).where('id', '=', id).execute();
    }
    return true;
  });
}

/** The stored WebP bytes of one size of an image, or null. */
export async function imageFile(ctx: Ctx, imageId: string, size: ImageSize): Promise<Buffer | null> {
  const row = await ctx.db
    .selectFrom('product_image_files')
    .select('bytes')
    .where('image_id', '=', imageId)
    .where('size', '=', size)
    .executeTakeFirst();
  return row ? Buffer.from(row.bytes) : null;
}
