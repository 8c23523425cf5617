import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { Browser } from '../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';

describe('multipart forms', () => {
  let t: TestApp;
  let slug: string;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, { sku: 'B-1', stock: 5 });
    slug = (await t.db.selectFrom('products').select('slug').executeTakeFirstOrThrow()).slug;
  });
  after(() => t.close());

  it('are read on the upload routes', async () => {
    const browser = new Browser(t.app);
    await browser.get('/lookup?q=QQ-1&lang=en');
    const res = await browser.upload('/lookup/requests', { query: 'QQ-1', email: 'not-an-address' }, []);
    assert.equal(res.statusCode, 422, 'the fields were read and checked');
    assert.match(res.body, /value="not-an-address"/);
  });

  it('are refused with 415 on any other route, and nothing is done', async () => {
    const browser = new Browser(t.app);
    await browser.get(`/p/${slug}`);
    const res = await browser.upload('/cart/lines', { sku: 'B-1', quantity: '1' }, []);
    assert.equal(res.statusCode, 415);
    assert.equal((await t.db.selectFrom('carts').select('id').execute()).length, 0);
  });

  it('leave the rest of the app without the multipart plugin and its hooks', () => {
    assert.equal(t.app.hasRequestDecorator('isMultipart'), false);
    assert.equal(t.app.hasContentTypeParser('multipart/form-data'), false);
  });
});
