import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalisePhone } from './phone-number.ts';

describe('normalisePhone', () => {
  it('writes Dutch numbers however they are typed in E.164', () => {
    for (const typed of [
      '06 1234 5678',
      '06-12345678',
      '+31 6 12345678',
      '+31 (0)6 1234 5678',
      '0031612345678',
      ' 0612345678 ',
    ])
      assert.deepEqual(normalisePhone(typed), { ok: true, e164: '+31612345678' }, typed);
    assert.deepEqual(normalisePhone('020 123 4567'), { ok: true, e164: '+31201234567' });
  });

  it('reads a national number in the country given, and international numbers from anywhere', () => {
    assert.deepEqual(normalisePhone('0470 12 34 56', 'BE'), { ok: true, e164: '+32470123456' });
    assert.deepEqual(normalisePhone('+49 151 23456789'), { ok: true, e164: '+4915123456789' });
    assert.deepEqual(normalisePhone('+44 7700 900123'), { ok: true, e164: '+447700900123' });
  });

  it('refuses what cannot be a number, saying why', () => {
    assert.deepEqual(normalisePhone('  '), { ok: false, reason: 'empty' });
    assert.deepEqual(normalisePhone('06-CALL-ME'), { ok: false, reason: 'invalid' });
    assert.deepEqual(normalisePhone('612345678'), { ok: false, reason: 'invalid' });
    assert.deepEqual(normalisePhone('+0612345678'), { ok: false, reason: 'invalid' });
    assert.deepEqual(normalisePhone('06 1234 567'), { ok: false, reason: 'wrong-length' });
    assert.deepEqual(normalisePhone('+31 06 12345678'), { ok: false, reason: 'wrong-length' });
    assert.deepEqual(normalisePhone('+1 234'), { ok: false, reason: 'wrong-length' });
    assert.deepEqual(normalisePhone('+1234567890123456'), { ok: false, reason: 'wrong-length' });
  });
});
