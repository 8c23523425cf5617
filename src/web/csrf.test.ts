import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { csrfIn } from '../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

function setCookies(res: Res): string[] {
  const header = res.headers['set-cookie'];
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
}

describe('CSRF protection of forms', () => {
  let t: TestApp;
  let page: string;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, { sku: 'B-1', stock: 50 });
    page = `/p/${(await t.db.selectFrom('products').select('slug').executeTakeFirstOrThrow()).slug}`;
  });
  after(() => t.close());

  /** A first visit: the seed cookie and the token of the page's form. */
  async function firstVisit(): Promise<{ seed: string; token: string }> {
    const res = await t.app.inject({ url: page });
    const seed = res.cookies.find((c) => c.name === 'tb_csrf')?.value;
    const token = csrfIn(res.body);
    assert.ok(seed && token);
    return { seed, token };
  }

  const addToCart = (headers: Record<string, string>, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/cart/lines',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: new URLSearchParams({ sku: 'B-1', quantity: '1', ...fields }).toString(),
    });

  it('gives a browser without the cookie a strict, HttpOnly seed cookie with a page that has a form', async () => {
    const res = await t.app.inject({ url: page });
    const cookie = setCookies(res).find((c) => c.startsWith('tb_csrf='));
    assert.match(cookie ?? '', /^tb_csrf=[A-Za-z0-9_-]{22}; Path=\/; HttpOnly; SameSite=Strict$/);
    assert.ok(csrfIn(res.body));
  });

  it('sets no cookie on an answer without a form', async () => {
    const res = await t.app.inject({ url: '/api/v1/products/B-1' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(setCookies(res), []);
  });

  it('gives a returning browser the same token and no new cookie', async () => {
    const { seed, token } = await firstVisit();
    for (let i = 0; i < 2; i++) {
      const again = await t.app.inject({ url: page, cookies: { tb_csrf: seed } });
      assert.equal(csrfIn(again.body), token);
      assert.deepEqual(setCookies(again), []);
    }
  });

  it('replaces a cookie that is not a seed', async () => {
    const res = await t.app.inject({ url: page, cookies: { tb_csrf: 'short' } });
    assert.match(res.cookies.find((c) => c.name === 'tb_csrf')?.value ?? '', /^[A-Za-z0-9_-]{22}$/);
  });

  it('accepts a post with the token of its own cookie', async () => {
    const { seed, token } = await firstVisit();
    const res = await addToCart(
      { cookie: `tb_csrf=${seed}`, 'sec-fetch-site': 'same-origin' },
      { _csrf: token },
    );
    assert.equal(res.statusCode, 303);
  });

  it('refuses a post without a token, without the cookie, or with the token of another cookie', async () => {
    const mine = await firstVisit();
    const theirs = await firstVisit();
    for (const [cookie, token] of [
      [`tb_csrf=${mine.seed}`, null],
      [null, mine.token],
      [`tb_csrf=${mine.seed}`, theirs.token],
      [`tb_csrf=${mine.seed}`, `${mine.token.slice(0, -1)}x`],
    ] as const) {
      const res = await addToCart(cookie ? { cookie } : {}, token ? { _csrf: token } : {});
      assert.equal(res.statusCode, 403, `cookie ${cookie}, token ${token}`);
    }
  });

  it('refuses a post from another site even with a valid token', async () => {
    const { seed, token } = await firstVisit();
    const cookie = `tb_csrf=${seed}`;
    const forged: Record<string, string>[] = [
      { cookie, 'sec-fetch-site': 'cross-site' },
      { cookie, 'sec-fetch-site': 'same-site' },
      { cookie, origin: 'https://evil.example' },
    ];
    for (const headers of forged) {
      const res = await addToCart(headers, { _csrf: token });
      assert.equal(res.statusCode, 403, JSON.stringify(headers));
    }
  });

  it('uses a __Host- cookie, Secure, when the shop is served over HTTPS', async () => {
    const https = await startTestApp({ publicUrl: 'https://shop.example' });
    try {
      await addCategory(https.ctx, 'bags');
      await addProduct(https.ctx, { sku: 'B-1' });
      const slug = (await https.db.selectFrom('products').select('slug').executeTakeFirstOrThrow()).slug;
      const res = await https.app.inject({ url: `/p/${slug}` });
      const cookie = setCookies(res).find((c) => c.startsWith('__Host-tb_csrf='));
      assert.match(
        cookie ?? '',
        /^__Host-tb_csrf=[A-Za-z0-9_-]{22}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
      );
    } finally {
      await https.close();
    }
  });
});
