import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveLocale } from './locale.ts';

describe('choosing the visitor’s language', () => {
  it('takes ?lang= before the cookie and Accept-Language', () => {
    assert.deepEqual(resolveLocale({ query: { lang: 'en' }, cookie: 'nl', acceptLanguage: 'nl' }, 'nl'), {
      locale: 'en',
      fromQuery: true,
    });
  });
  it('takes the cookie before Accept-Language', () => {
    assert.equal(resolveLocale({ cookie: 'en', acceptLanguage: 'nl-NL' }, 'nl').locale, 'en');
  });
  it('reads Accept-Language by quality', () => {
    assert.equal(resolveLocale({ acceptLanguage: 'de;q=1, en;q=0.8, nl;q=0.9' }, 'en').locale, 'nl');
  });
  it('falls back to the shop default and ignores unknown values', () => {
    assert.equal(
      resolveLocale({ query: { lang: 'xx' }, cookie: 'fr', acceptLanguage: 'de' }, 'nl').locale,
      'nl',
    );
  });
});
