import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { signedInCustomer } from '../../test/helpers/preference-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { loadLedger } from './consent-ledger.ts';
import { defaultPreferences } from './preferences.ts';

type Schema = { $ref?: string; properties?: Record<string, Schema> };
type OpenApiDoc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
};

/** The response schema of one operation in /api/openapi.json, with its component references resolved by ajv. */
function openApiValidator(doc: OpenApiDoc, path: string, method: string, status: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: doc.components ?? {} });
  const schema = doc.paths[path]![method]!.responses[status]!.content['application/json']!.schema;
  const rewritten = JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'),
  );
  return ajv.compile(rewritten);
}

describe('preferences API', () => {
  let t: TestApp;
  let openapi: OpenApiDoc;
  before(async () => {
    t = await startTestApp();
    openapi = (await t.app.inject({ url: '/api/openapi.json' })).json();
  });
  after(() => t.close());

  const json = (
    cookie: string,
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    payload?: unknown,
    headers = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { cookie, ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  it('answers 401 without a customer session', async () => {
    const res = await t.app.inject({ url: '/api/v1/me/preferences' });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.id, 'customer-login-required');
  });

  it('publishes the preferences document as a JSON Schema in the OpenAPI document', () => {
    const op = openapi.paths['/api/v1/me/preferences'];
    assert.ok(op?.get && op.put);
    const ref =
      op.get.responses['200']?.content['application/json']?.schema.properties?.preferences?.$ref ?? '';
    const schema = openapi.components.schemas[ref.split('/').at(-1) ?? ''];
    assert.ok(schema?.properties, `no schema behind ${ref}`);
    assert.deepEqual(Object.keys(schema.properties).sort(), [
      'channels',
      'frequency',
      'locale',
      'quiet',
      'schemaVersion',
      'timeZone',
      'topics',
    ]);
  });

  it('GET answers the defaults at revision 0, matching the OpenAPI schema', async () => {
    const { cookie } = await signedInCustomer(t, { locale: 'en' });
    const res = await json(cookie, 'GET', '/api/v1/me/preferences');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers.etag, '"0"');
    const body = res.json();
    const validate = openApiValidator(openapi, '/api/v1/me/preferences', 'get', '200');
    assert.ok(validate(body), JSON.stringify(validate.errors));
    assert.deepEqual(body, { revision: 0, preferences: defaultPreferences('en', 'Europe/Amsterdam') });
  });

  it('PUT stores a new document, records each change with source "api", and GET reads it back', async () => {
    const { id, cookie } = await signedInCustomer(t);
    const prefs = (await json(cookie, 'GET', '/api/v1/me/preferences')).json().preferences;
    prefs.topics.replenishment = 'on';
    prefs.quiet.hours = { from: '22:00', to: '07:30' };
    const res = await json(cookie, 'PUT', '/api/v1/me/preferences', { revision: 0, preferences: prefs });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().revision, 1);
    assert.equal(res.json().changes, 2);
    const read = (await json(cookie, 'GET', '/api/v1/me/preferences')).json();
    assert.deepEqual(read, { revision: 1, preferences: prefs });
    const validate = openApiValidator(openapi, '/api/v1/me/preferences', 'get', '200');
    assert.ok(validate(read), JSON.stringify(validate.errors));
    const rows = await loadLedger(t.ctx, id);
    assert.deepEqual(rows.map((r) => [r.subject, r.source]).sort(), [
      ['quiet.hours', 'api'],
      ['topics.replenishment', 'api'],
    ]);
  });

  it('refuses a stale revision with 409, in the body or as If-Match', async () => {
    const { cookie } = await signedInCustomer(t);
    const prefs = (await json(cookie, 'GET', '/api/v1/me/preferences')).json().preferences;
    prefs.topics.offers = 'on';
    assert.equal(
      (await json(cookie, 'PUT', '/api/v1/me/preferences', { revision: 0, preferences: prefs })).statusCode,
      200,
    );
    prefs.topics.surveys = 'on';
    const stale = await json(cookie, 'PUT', '/api/v1/me/preferences', { revision: 0, preferences: prefs });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.id, 'preferences-stale');
    const staleHeader = await json(
      cookie,
      'PUT',
      '/api/v1/me/preferences',
      { revision: 1, preferences: prefs },
      { 'if-match': '"0"' },
    );
    assert.equal(staleHeader.statusCode, 409);
    const ok = await json(
      cookie,
      'PUT',
      '/api/v1/me/preferences',
      { revision: 0, preferences: prefs },
      { 'if-match': '"1"' },
    );
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.headers.etag, '"2"');
  });

  it('refuses an invalid document with 422 and a reason per field', async () => {
    const { id, cookie } = await signedInCustomer(t);
    const prefs = (await json(cookie, 'GET', '/api/v1/me/preferences')).json().preferences;
    const silenced = { ...prefs, topics: { ...prefs.topics, transactional: 'off' } };
    const res = await json(cookie, 'PUT', '/api/v1/me/preferences', { revision: 0, preferences: silenced });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.id, 'validation-failed');
    assert.match(res.json().error.fields['preferences.topics.transactional'], /cannot be switched off/);

    const malformed = { ...prefs, quiet: { hours: { from: '25:00', to: '08:00' }, days: [] }, extra: 1 };
    const bad = await json(cookie, 'PUT', '/api/v1/me/preferences', {
      revision: 'x',
      preferences: malformed,
    });
    assert.equal(bad.statusCode, 422);
    const fields = bad.json().error.fields;
    assert.ok(fields.revision);
    assert.ok(fields['preferences.quiet.hours.from'], JSON.stringify(fields));
    assert.ok(
      Object.keys(fields).some(
        (k) => k.startsWith('preferences') && /extra|additional/.test(`${k} ${fields[k]}`),
      ),
    );
    assert.equal(
      (
        await json(cookie, 'PUT', '/api/v1/me/preferences', 'not json', {
          'content-type': 'application/json',
        })
      ).statusCode,
      400,
    );
    assert.deepEqual(await loadLedger(t.ctx, id), []);
  });

  it('cannot alter or remove ledger rows: earlier rows stay exactly as written', async () => {
    const { id, cookie } = await signedInCustomer(t);
    const prefs = (await json(cookie, 'GET', '/api/v1/me/preferences')).json().preferences;
    prefs.topics.offers = 'on';
    await json(cookie, 'PUT', '/api/v1/me/preferences', { revision: 0, preferences: prefs });
    const before = await loadLedger(t.ctx, id);
    prefs.topics.offers = 'off';
    await json(cookie, 'PUT', '/api/v1/me/preferences', { revision: 1, preferences: prefs });
    for (const method of ['DELETE', 'PATCH'] as const) {
      for (const url of [
        '/api/v1/me/preferences',
        '/api/v1/me/consent-ledger',
        `/api/v1/me/consent-ledger/${before[0]!.id}`,
      ]) {
        const res = await t.app.inject({ method, url, headers: { cookie } });
        assert.ok([404, 405].includes(res.statusCode), `${method} ${url} answered ${res.statusCode}`);
      }
    }
    const afterRows = await loadLedger(t.ctx, id);
    assert.equal(afterRows.length, 2);
    assert.deepEqual(afterRows.slice(0, 1), before);
    assert.equal(afterRows[1]!.old_value, '"on"');
  });

  it('has no code path that updates or deletes consent-ledger rows', () => {
    const root = join(import.meta.dirname, '..');
    const offenders: string[] = [];
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(file) || file.includes('migrations')) continue;
      const text = readFileSync(join(root, file), 'utf8');
      if (
        /(updateTable|deleteFrom)\(\s*['"]consent_ledger['"]/.test(text) ||
        /(update|delete\s+from)\s+consent_ledger/i.test(text)
      )
        offenders.push(file);
    }
    assert.deepEqual(offenders, []);
  });

  it('GET /api/v1/me/terms answers a terms document that the published JSON Schema accepts', async () => {
    const { cookie } = await signedInCustomer(t);
    const res = await json(cookie, 'GET', '/api/v1/me/terms');
    assert.equal(res.statusCode, 200);
    const schemaRes = await t.app.inject({ url: '/api/customer-terms.schema.json' });
    assert.equal(schemaRes.statusCode, 200);
    const schema = schemaRes.json();
    assert.equal(schema.$id, `${t.config.publicUrl}/api/customer-terms.schema.json`);
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(res.json()), JSON.stringify(validate.errors));
    assert.equal(res.json().firstParty.role, 'customer');
    const openapiCheck = openApiValidator(openapi, '/api/v1/me/terms', 'get', '200');
    assert.ok(openapiCheck(res.json()), JSON.stringify(openapiCheck.errors));
  });

  it('POST /api/v1/me/terms applies terms and reports those it cannot honour', async () => {
    const { cookie } = await signedInCustomer(t);
    const doc = (await json(cookie, 'GET', '/api/v1/me/terms')).json();
    doc.terms.channels.allowed = ['email', 'post', 'carrier-pigeon'];
    doc.terms.topics.allowed = ['offers'];
    doc.terms['no-profiling'] = true;
    const res = await json(cookie, 'POST', '/api/v1/me/terms', doc);
    assert.equal(res.statusCode, 200, res.body);
    const { applied, notHonoured } = res.json();
    assert.ok(applied.includes('topics.offers'));
    assert.deepEqual(
      notHonoured.map((n: { term: string; reason: string }) => `${n.term}:${n.reason}`).sort(),
      ['channels.carrier-pigeon:unknown-channel', 'channels.post:no-post', 'no-profiling:unknown-term'],
    );
    const prefs = (await json(cookie, 'GET', '/api/v1/me/preferences')).json().preferences;
    assert.equal(prefs.topics.offers, 'on');
    assert.equal(prefs.channels.enabled.post, false);
    const notTerms = await json(cookie, 'POST', '/api/v1/me/terms', { kind: 'something-else' });
    assert.equal(notTerms.statusCode, 422);
    assert.ok(notTerms.json().error.fields.kind);
  });
});
