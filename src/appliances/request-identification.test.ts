import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { MAX_REQUEST_PHOTO_BYTES, requestIdentification } from './request-identification.ts';

const good = { query: 'FC 8520/09', serial: '', email: 'Klant@Example.nl ', locale: 'nl' as const };

async function plateJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 220, g: 220, b: 220 } } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Copyright: 'secret camera owner', Make: 'PhoneCo' } } })
    .toBuffer();
}

describe('requestIdentification', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('stores an open request with a normalised e-mail address', async () => {
    const result = await requestIdentification(t.ctx, { ...good, serial: ' 9207 ' });
    assert.equal(result.ok, true);
    const row = await t.db
      .selectFrom('lookup_requests')
      .selectAll()
      .where('id', '=', result.ok ? result.id : '')
      .executeTakeFirstOrThrow();
    assert.equal(row.query, 'FC 8520/09');
    assert.equal(row.serial, '9207');
    assert.equal(row.email, 'klant@example.nl');
    assert.equal(row.locale, 'nl');
    assert.equal(row.status, 'open');
    assert.equal(row.photo, null);
    assert.equal(row.created_at, '2026-11-30T12:00:00.000Z');
  });

  it('refuses a bad e-mail address', async () => {
    const result = await requestIdentification(t.ctx, { ...good, email: 'klant-at-example' });
    assert.deepEqual(result, { ok: false, fields: { email: 'email' } });
  });

  it('refuses a missing e-mail address', async () => {
    const result = await requestIdentification(t.ctx, { ...good, email: '  ' });
    assert.deepEqual(result, { ok: false, fields: { email: 'required' } });
  });

  it('refuses an empty query', async () => {
    const result = await requestIdentification(t.ctx, { ...good, query: '   ' });
    assert.deepEqual(result, { ok: false, fields: { query: 'required' } });
  });

  it('refuses a query over 100 characters and control characters in the serial', async () => {
    const result = await requestIdentification(t.ctx, { ...good, query: 'x'.repeat(101), serial: 'a\u0007' });
    assert.deepEqual(result, { ok: false, fields: { query: 'too-long', serial: 'control-characters' } });
  });

  it('refuses a text file posing as a photo, and writes nothing', async () => {
    const before = await t.db.selectFrom('lookup_requests').select('id').execute();
    const result = await requestIdentification(t.ctx, {
      ...good,
      photo: { bytes: Buffer.from('not a photo at all'), type: 'image/jpeg' },
    });
    assert.deepEqual(result, { ok: false, fields: { photo: 'photo-unreadable' } });
    const afterRows = await t.db.selectFrom('lookup_requests').select('id').execute();
    assert.equal(afterRows.length, before.length);
  });

  it('refuses a file whose type is not a photo', async () => {
    const result = await requestIdentification(t.ctx, {
      ...good,
      photo: { bytes: Buffer.from('%PDF-1.7'), type: 'application/pdf' },
    });
    assert.deepEqual(result, { ok: false, fields: { photo: 'photo-type' } });
  });

  it('refuses a photo over 8 MB', async () => {
    const result = await requestIdentification(t.ctx, {
      ...good,
      photo: { bytes: Buffer.alloc(MAX_REQUEST_PHOTO_BYTES + 1), type: 'image/jpeg' },
    });
    assert.deepEqual(result, { ok: false, fields: { photo: 'photo-too-large' } });
  });

  it('keeps the photo as WebP of at most 1600 px without its metadata', async () => {
    const result = await requestIdentification(t.ctx, {
      ...good,
      photo: { bytes: await plateJpeg(3200, 1200), type: 'image/jpeg' },
    });
    assert.equal(result.ok, true);
    const row = await t.db
      .selectFrom('lookup_requests')
      .select(['photo', 'photo_type'])
      .where('id', '=', result.ok ? result.id : '')
      .executeTakeFirstOrThrow();
    assert.equal(row.photo_type, 'image/webp');
    const meta = await sharp(row.photo!).metadata();
    assert.equal(meta.format, 'webp');
    assert.equal(meta.width, 1600);
    assert.equal(meta.height, 600);
    assert.equal(meta.exif, undefined);
    assert.equal(row.photo!.includes(Buffer.from('secret camera owner')), false);
  });
});
