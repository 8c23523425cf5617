import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';

// What @fastify/helmet sent (one helmet run per request) before the headers were worked out once.
const EXPECTED = {
  'content-security-policy':
    "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';form-action 'self';frame-ancestors 'none';object-src 'none';base-uri 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
const SECURITY_HEADERS = [
  ...Object.keys(EXPECTED),
  'strict-transport-security',
  'cross-origin-embedder-policy',
];

function securityHeadersOf(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => SECURITY_HEADERS.includes(name)));
}

describe('the security headers', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, { sku: 'B-1' });
  });
  after(() => t.close());

  for (const [what, url, method] of [
    ['the home page', '/', 'GET'],
    ['a cached page', '/', 'GET'],
    ['the API reference page', '/api/docs', 'GET'],
    ['a missing page', '/nope', 'GET'],
    ['an asset', '/assets/app.css', 'GET'],
    ['the admin login', '/admin/login', 'GET'],
    ['a refused form post', '/cart/lines', 'POST'],
  ] as const) {
    it(`are exactly helmet's strict set on ${what}`, async () => {
      const res = await t.app.inject({ url, method });
      assert.deepEqual(securityHeadersOf(res.headers), EXPECTED);
    });
  }

  // OWASP REST Security Cheat Sheet: the headers that mean something on data
  const API = {
    'content-security-policy': "default-src 'none';frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
  for (const [what, url, method] of [
    ['a product in the JSON API', '/api/v1/products/B-1', 'GET'],
    ['a product from the cache', '/api/v1/products/B-1', 'GET'],
    ['a missing product', '/api/v1/products/NOPE', 'GET'],
    ['bad input to the API', '/api/v1/lookup?q=', 'GET'],
    ['the OpenAPI document', '/api/openapi.json', 'GET'],
    ['a refused API post', '/api/v1/carts', 'POST'],
  ] as const) {
    it(`are the strict API set on ${what}`, async () => {
      const res = await t.app.inject({ url, method, headers: { 'sec-fetch-site': 'cross-site' } });
      assert.deepEqual(securityHeadersOf(res.headers), API);
    });
  }

  it('add HSTS and upgrade-insecure-requests when the shop is served over HTTPS', async () => {
    const https = await startTestApp({ publicUrl: 'https://shop.example' });
    try {
      const res = await https.app.inject({ url: '/healthz' });
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
      assert.equal(
        res.headers['content-security-policy'],
        `${EXPECTED['content-security-policy']};upgrade-insecure-requests`,
      );
      const api = await https.app.inject({ url: '/api/v1/products/B-1' });
      assert.equal(api.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
    } finally {
      await https.close();
    }
  });
});
