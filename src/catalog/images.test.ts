import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { type Browser, createStaff, signedIn } from '../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { saveProduct } from './save-product.ts';

async function testPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .withMetadata({ exif: { IFD0: { Copyright: 'secret camera owner' } } })
    .toBuffer();
}

describe('product images', () => {
  let t: TestApp;
  let owner: Browser;
  let productId: string;
  let slug: string;
  before(async () => {
    t = await startTestApp();
    await createStaff(t.db, { email: 'owner@example.nl' });
    owner = await signedIn(t.app, 'owner@example.nl');
    const now = new Date().toISOString();
    await t.db
      .insertInto('categories')
      .values({
        id: 'c1',
        slug: 'koffie',
        name_nl: 'Koffie',
        name_en: 'Coffee',
        description_nl: '',
        description_en: '',
        position: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const input = {
      sku: 'IMG-1',
      nameNl: 'Kan',
      nameEn: 'Jug',
      categorySlug: 'koffie',
      priceCents: 995,
      vatRate: 21 as const,
      stock: 3,
      mailboxFit: false,
      weightGrams: 300,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      descriptionNl: '',
      descriptionEn: '',
      active: true,
    };
    productId = (await saveProduct(t.ctx, input, new Map([['koffie', 'c1']]))).id;
    slug = (
      await t.db.selectFrom('products').select('slug').where('id', '=', productId).executeTakeFirstOrThrow()
    ).slug;
  });
  after(() => t.close());

  it('stores an upload as WebP in three sizes, served with long-lived cache headers and an ETag', async () => {
    await owner.get(`/admin/products/${productId}`);
    const res = await owner.upload(
      `/admin/products/${productId}/images`,
      { altNl: 'Een rode kan', altEn: 'A red jug' },
      [{ field: 'file', filename: 'kan.png', contentType: 'image/png', data: await testPng(2000, 1000) }],
    );
    assert.equal(res.statusCode, 303);
    const image = await t.db
      .selectFrom('product_images')
      .selectAll()
      .where('product_id', '=', productId)
      .executeTakeFirstOrThrow();
    assert.deepEqual([image.width, image.height, image.alt_nl], [960, 480, 'Een rode kan']);

    for (const [size, edge] of [
      ['thumb', 160],
      ['medium', 480],
      ['large', 960],
    ] as const) {
      const served = await t.app.inject({ url: `/images/${image.id}/${size}.webp` });
      assert.equal(served.statusCode, 200, size);
      assert.equal(served.headers['content-type'], 'image/webp');
      assert.equal(served.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.ok(served.headers.etag);
      const meta = await sharp(served.rawPayload).metadata();
      assert.equal(meta.format, 'webp');
      assert.equal(Math.max(meta.width!, meta.height!), edge);
      assert.equal(meta.exif, undefined, 'metadata stripped');
      const again = await t.app.inject({
        url: `/images/${image.id}/${size}.webp`,
        headers: { 'if-none-match': String(served.headers.etag) },
      });
      assert.equal(again.statusCode, 304);
    }
    const storefront = await t.app.inject({ url: `/p/${slug}` });
    assert.match(storefront.body, new RegExp(`/images/${image.id}/large\\.webp`));
  });

  it('answers 404 for an unknown image or size', async () => {
    assert.equal(
      (await t.app.inject({ url: '/images/00000000-0000-7000-8000-000000000000/large.webp' })).statusCode,
      404,
    );
    const { id } = await t.db.selectFrom('product_images').select('id').executeTakeFirstOrThrow();
    assert.equal((await t.app.inject({ url: `/images/${id}/huge.webp` })).statusCode, 404);
  });

  it('refuses a file that is not an image politely, storing nothing', async () => {
    await owner.get(`/admin/products/${productId}`);
    const res = await owner.upload(`/admin/products/${productId}/images`, {}, [
      {
        field: 'file',
        filename: 'kan.png',
        contentType: 'image/png',
        data: Buffer.from('%PDF-1.4 not an image at all'),
      },
    ]);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /geen foto die we kunnen lezen/);
    assert.match(res.body, /aria-describedby="image-file-hint image-file-error"/);
    assert.equal((await t.db.selectFrom('product_images').select('id').execute()).length, 1);
  });

  it('reorders and deletes images', async () => {
    await owner.get(`/admin/products/${productId}`);
    await owner.upload(`/admin/products/${productId}/images`, {}, [
      { field: 'file', filename: 'b.png', contentType: 'image/png', data: await testPng(300, 600) },
    ]);
    const order = async () =>
      (
        await t.db
          .selectFrom('product_images')
          .select(['id', 'height'])
          .where('product_id', '=', productId)
          .orderBy('position')
          .execute()
      ).map((r) => r.height);
    assert.deepEqual(await order(), [480, 600]);
    const second = await t.db
      .selectFrom('product_images')
      .select('id')
      .where('height', '=', 600)
      .executeTakeFirstOrThrow();
    await owner.get(`/admin/products/${productId}`);
    assert.equal(
      (await owner.post(`/admin/products/${productId}/images/${second.id}/move`, { direction: 'up' }))
        .statusCode,
      303,
    );
    assert.deepEqual(await order(), [600, 480]);
    assert.equal(
      (await owner.post(`/admin/products/${productId}/images/${second.id}/delete`, {})).statusCode,
      303,
    );
    assert.deepEqual(await order(), [480]);
    assert.equal((await t.app.inject({ url: `/images/${second.id}/thumb.webp` })).statusCode, 404);
  });
});
