import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { addFixtureRegistry } from '../../../test/helpers/appliance-fixtures.ts';
import { Browser, createStaff, signedIn } from '../../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { requestIdentification } from '../request-identification.ts';

describe('the requests queue in the admin', () => {
  let t: TestApp;
  let staff: Browser;
  let requestId: string;

  async function lookup(q: string) {
    const res = await t.app.inject({ url: `/api/v1/lookup?${new URLSearchParams({ q })}` });
    return (res.json() as { matches: { id: string; model: string; brand: string }[] }).matches;
  }

  before(async () => {
    t = await startTestApp();
    await addFixtureRegistry(t);
    await createStaff(t.db, { email: 'sam@example.nl', name: 'Sam', role: 'staff' });
    staff = await signedIn(t.app, 'sam@example.nl');
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ccc' } })
      .jpeg()
      .toBuffer();
    const made = await requestIdentification(t.ctx, {
      query: 'Philips QX 7788/10',
      serial: 'SN 4455',
      email: 'klant@example.nl',
      locale: 'en',
      photo: { bytes: photo, type: 'image/jpeg' },
    });
    assert.ok(made.ok);
    requestId = made.id;
    t.clock.advance({ hours: 3 });
  });
  after(() => t.close());

  it('shows the open request with its number, e-mail, language, photo and age, and counts it on the home page', async () => {
    assert.equal((await lookup('QX7788/10')).length, 0);
    const home = await staff.get('/admin');
    assert.match(home.body, /href="\/admin\/requests"/);
    assert.match(home.body, /1 open vragen/);
    const queue = await staff.get('/admin/requests');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, new RegExp(`href="/admin/requests/${requestId}">Philips QX 7788/10`));
    assert.match(queue.body, /klant@example\.nl/);
    assert.match(queue.body, /SN 4455/);
    assert.match(queue.body, /Engels/);
    assert.match(queue.body, /3 uur geleden/);
    assert.match(queue.body, new RegExp(`src="/admin/requests/${requestId}/photo"`));
  });

  it('serves the photo to staff only', async () => {
    const photo = await staff.get(`/admin/requests/${requestId}/photo`);
    assert.equal(photo.statusCode, 200);
    assert.equal(photo.headers['content-type'], 'image/webp');
    const stranger = await new Browser(t.app).get(`/admin/requests/${requestId}/photo`);
    assert.equal(stranger.statusCode, 303);
    assert.match(String(stranger.headers.location), /^\/admin\/login/);
  });

  it('adds the appliance on the spot, prefilled from the request, and the customer’s number finds it at once', async () => {
    const form = await staff.get(`/admin/appliances/new?request=${requestId}`);
    assert.match(form.body, /value="QX 7788\/10"/);
    const philips = await t.db
      .selectFrom('brands')
      .select('id')
      .where('name', '=', 'Philips')
      .executeTakeFirstOrThrow();
    assert.match(form.body, new RegExp(`value="${philips.id}" selected`));
    assert.match(form.body, new RegExp(`name="request" value="${requestId}"`));
    const res = await staff.post('/admin/appliances', {
      request: requestId,
      brandId: philips.id,
      newBrand: '',
      model: 'QX 7788/10',
      name: 'SpeedPro',
      category: 'vacuum',
      aliases: '',
      notes: '',
    });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /done=linked/);
    const matches = await lookup('Philips QX 7788/10');
    assert.equal(matches[0]?.model, 'QX 7788/10');
    const row = await t.db
      .selectFrom('lookup_requests')
      .selectAll()
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    assert.equal(row.appliance_id, matches[0]?.id);
  });

  it('drafts the answer in the customer’s language, says it is e-mailed, and stores it', async () => {
    const page = await staff.get(`/admin/requests/${requestId}`);
    assert.match(page.body, /Gekoppeld aan/);
    assert.match(page.body, /De klant krijgt je antwoord per e-mail/);
    assert.match(
      page.body,
      /Good news: your number “Philips QX 7788\/10” belongs to the Philips QX 7788\/10/,
    );
    const res = await staff.post(`/admin/requests/${requestId}/answer`, {
      answer: 'Good news: we found it.',
    });
    assert.equal(res.statusCode, 303);
    const row = await t.db
      .selectFrom('lookup_requests')
      .selectAll()
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'answered');
    assert.equal(row.answer, 'Good news: we found it.');
    const staffRow = await t.db.selectFrom('staff').select('id').executeTakeFirstOrThrow();
    assert.equal(row.answered_by, staffRow.id);
    assert.match((await staff.get(`/admin/requests/${requestId}`)).body, /Beantwoord door Sam/);
    assert.match((await staff.get('/admin')).body, /0 open vragen/);
  });

  it('links a request to an existing appliance, adding the typed number as an alias when it would not find it', async () => {
    const made = await requestIdentification(t.ctx, {
      query: 'PNC 900 123',
      serial: '',
      email: 'ander@example.nl',
      locale: 'nl',
    });
    assert.ok(made.ok);
    const target = await t.db
      .selectFrom('appliances')
      .select('id')
      .where('model', '=', 'S8340')
      .executeTakeFirstOrThrow();
    const page = await staff.get(`/admin/requests/${made.id}?find=S8340`);
    assert.match(page.body, /Koppel aan Miele S8340/);
    const res = await staff.post(`/admin/requests/${made.id}/link`, { applianceId: target.id });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /done=linked-alias/);
    assert.equal((await lookup('PNC 900 123'))[0]?.id, target.id);
  });

  it('refuses an empty answer with a message on the field', async () => {
    const made = await requestIdentification(t.ctx, {
      query: 'ABC',
      serial: '',
      email: 'x@example.nl',
      locale: 'nl',
    });
    assert.ok(made.ok);
    await staff.get(`/admin/requests/${made.id}`);
    const res = await staff.post(`/admin/requests/${made.id}/answer`, { answer: ' ' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="answer-error"/);
  });
});
