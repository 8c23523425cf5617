import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, createStaff, signedIn } from '../../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

const category = {
  slug: 'filters',
  nameNl: 'Filters',
  nameEn: 'Filters',
  descriptionNl: '',
  descriptionEn: '',
  position: '2',
};

describe('categories in the admin', () => {
  let t: TestApp;
  let staff: Browser;
  before(async () => {
    t = await startTestApp();
    await createStaff(t.db, { email: 'sam@example.nl', role: 'staff' });
    staff = await signedIn(t.app, 'sam@example.nl');
  });
  after(() => t.close());

  it('creates a category and lists it', async () => {
    const res = await staff.submit('/admin/categories/new', category, '/admin/categories');
    assert.equal(res.statusCode, 303);
    const list = await staff.get(res.headers.location as string);
    assert.match(list.body, /Categorie opgeslagen/);
    assert.match(list.body, /<code>filters<\/code>/);
    assert.equal((await staff.get('/c/filters')).statusCode, 200);
  });

  it('refuses a slug with capitals or spaces, with the message on the field', async () => {
    const res = await staff.submit(
      '/admin/categories/new',
      { ...category, slug: 'Mijn Filters', nameEn: '' },
      '/admin/categories',
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="slug-error"/);
    assert.match(res.body, /id="nameEn-error"/);
    assert.match(res.body, /value="Mijn Filters"/);
    assert.equal((await t.db.selectFrom('categories').select('id').execute()).length, 1);
  });

  it('answers a taken slug with the conflict message on the form', async () => {
    const res = await staff.submit(
      '/admin/categories/new',
      { ...category, nameNl: 'Andere' },
      '/admin/categories',
    );
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Dit bestaat al: filters/);
    assert.match(res.body, /aria-describedby="slug-hint slug-error"/);
  });

  it('edits a category, and refuses renaming it onto another one’s slug', async () => {
    await staff.submit(
      '/admin/categories/new',
      { ...category, slug: 'zakken', nameNl: 'Zakken', nameEn: 'Bags' },
      '/admin/categories',
    );
    const { id } = await t.db
      .selectFrom('categories')
      .select('id')
      .where('slug', '=', 'zakken')
      .executeTakeFirstOrThrow();
    const clash = await staff.submit(`/admin/categories/${id}`, { ...category, slug: 'filters' });
    assert.equal(clash.statusCode, 409);
    const ok = await staff.submit(`/admin/categories/${id}`, {
      ...category,
      slug: 'stofzuigerzakken',
      nameNl: 'Stofzuigerzakken',
      nameEn: 'Vacuum bags',
    });
    assert.equal(ok.statusCode, 303);
    const row = await t.db
      .selectFrom('categories')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.slug, 'stofzuigerzakken');
    assert.equal(row.name_en, 'Vacuum bags');
    assert.equal(row.position, 2);
  });
});
