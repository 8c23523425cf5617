import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, createStaff, signedIn, TEST_PASSWORD } from '../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';

function refusal(html: string): string {
  return /role="alert"[^>]*>([^<]*)</.exec(html)?.[1] ?? '';
}

describe('staff login', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await createStaff(t.db, { email: 'owner@example.nl' });
  });
  after(() => t.close());

  it('gives a wrong password the same answer as an unknown e-mail address', async () => {
    const wrong = await new Browser(t.app).submit('/admin/login', {
      email: 'owner@example.nl',
      password: 'not the password',
    });
    const unknown = await new Browser(t.app).submit('/admin/login', {
      email: 'nobody@example.nl',
      password: 'not the password',
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.ok(refusal(wrong.body).length > 0);
    assert.equal(refusal(wrong.body), refusal(unknown.body));
    assert.equal(wrong.cookies.filter((c) => c.name === 'tb_staff').length, 0);
  });

  it('sets an HttpOnly, SameSite session cookie and gives every login a new session id', async () => {
    const first = new Browser(t.app);
    const res = await first.submit('/admin/login', { email: 'OWNER@example.nl ', password: TEST_PASSWORD });
    assert.equal(res.statusCode, 303);
    const cookie = res.cookies.find((c) => c.name === 'tb_staff')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    const again = await first.post('/admin/login', { email: 'owner@example.nl', password: TEST_PASSWORD });
    const second = again.cookies.find((c) => c.name === 'tb_staff')!;
    assert.notEqual(second.value, cookie.value);
    const stale = await t.app.inject({ url: '/admin', headers: { cookie: `tb_staff=${cookie.value}` } });
    assert.equal(stale.statusCode, 303, 'the session of the earlier login in this browser ended');
  });

  it('redirects after login only to local admin paths', async () => {
    const local = new Browser(t.app);
    await local.get('/admin/login?next=%2Fadmin%2Fproducts%3Fq%3Dx');
    const ok = await local.post('/admin/login?next=%2Fadmin%2Fproducts%3Fq%3Dx', {
      email: 'owner@example.nl',
      password: TEST_PASSWORD,
    });
    assert.equal(ok.headers.location, '/admin/products?q=x');
    for (const next of [
      'https://evil.example/admin',
      '//evil.example/admin',
      '/admin//evil.example',
      '/\\evil.example',
      '/shop',
    ]) {
      const b = new Browser(t.app);
      await b.get('/admin/login');
      const res = await b.post(`/admin/login?next=${encodeURIComponent(next)}`, {
        email: 'owner@example.nl',
        password: TEST_PASSWORD,
      });
      assert.equal(res.headers.location, '/admin', next);
    }
  });

  it('ends the session at logout', async () => {
    const browser = await signedIn(t.app, 'owner@example.nl');
    const token = browser.cookies.get('tb_staff')!;
    await browser.get('/admin');
    const out = await browser.post('/admin/logout', {});
    assert.equal(out.statusCode, 303);
    assert.equal(browser.cookies.has('tb_staff'), false);
    const reuse = await t.app.inject({ url: '/admin', headers: { cookie: `tb_staff=${token}` } });
    assert.equal(reuse.statusCode, 303);
    assert.match(String(reuse.headers.location), /^\/admin\/login\?next=/);
  });

  it('ends every session of the staff member at "log out everywhere"', async () => {
    const laptop = await signedIn(t.app, 'owner@example.nl');
    const phone = await signedIn(t.app, 'owner@example.nl');
    await laptop.get('/admin');
    assert.equal((await laptop.post('/admin/logout-everywhere', {})).statusCode, 303);
    assert.equal((await phone.get('/admin')).statusCode, 303);
    assert.equal((await laptop.get('/admin')).statusCode, 303);
  });

  it('sends pages to the login form and refuses posts when nobody is logged in', async () => {
    const anonymous = new Browser(t.app);
    const page = await anonymous.get('/admin/staff');
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/admin/login?next=%2Fadmin%2Fstaff');
    await anonymous.get('/admin/login');
    assert.equal(
      (await anonymous.post('/admin/categories', { slug: 'x', nameNl: 'x', nameEn: 'x' })).statusCode,
      401,
    );
    assert.equal((await t.db.selectFrom('categories').select('id').execute()).length, 0);
  });
});

describe('login limits', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await createStaff(t.db, { email: 'target@example.nl' });
  });
  after(() => t.close());

  it('refuses the 101st attempt within an hour, even with the right password, and allows it an hour later', async () => {
    for (let i = 0; i < 100; i += 10) {
      const browser = new Browser(t.app);
      await browser.get('/admin/login');
      for (let j = 0; j < 10; j++) {
        const res = await browser.post('/admin/login', {
          email: 'target@example.nl',
          password: `wrong ${i + j}`,
        });
        assert.equal(res.statusCode, 401);
      }
    }
    const blocked = await new Browser(t.app).submit('/admin/login', {
      email: 'target@example.nl',
      password: TEST_PASSWORD,
    });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /Te veel pogingen/);
    assert.equal(blocked.cookies.filter((c) => c.name === 'tb_staff').length, 0);
    t.clock.advance({ minutes: 61 });
    const later = await new Browser(t.app).submit('/admin/login', {
      email: 'target@example.nl',
      password: TEST_PASSWORD,
    });
    assert.equal(later.statusCode, 303);
  });

  it('limits login posts per IP address', async () => {
    const browser = new Browser(t.app);
    await browser.get('/admin/login');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (await browser.post('/admin/login', { email: `x${i}@example.nl`, password: 'whatever it is' }))
          .statusCode,
      );
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
    assert.equal(statuses[10], 429);
  });
});

describe('the session cookie over HTTPS', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ publicUrl: 'https://shop.example' });
    await createStaff(t.db, { email: 'owner@example.nl' });
  });
  after(() => t.close());

  it('is named __Host- and marked Secure', async () => {
    const res = await new Browser(t.app).submit('/admin/login', {
      email: 'owner@example.nl',
      password: TEST_PASSWORD,
    });
    assert.equal(res.statusCode, 303);
    const cookie = res.cookies.find((c) => c.name === '__Host-tb_staff')!;
    assert.ok(cookie, 'the __Host- cookie is set');
    assert.equal(cookie.secure, true);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.domain, undefined);
  });
});
