import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translator } from '../web/i18n/messages.ts';
import { paymentMethodName } from './payment-method-name.ts';

describe('paymentMethodName', () => {
  it('names every method in both languages', () => {
    const nl = translator('nl');
    const en = translator('en');
    assert.deepEqual(
      ['bank-transfer', 'ideal', 'creditcard', 'bancontact'].map((m) => paymentMethodName(nl, m)),
      ['Bankoverschrijving', 'iDEAL', 'Creditcard', 'Bancontact'],
    );
    assert.deepEqual(
      ['bank-transfer', 'ideal', 'creditcard', 'bancontact'].map((m) => paymentMethodName(en, m)),
      ['Bank transfer', 'iDEAL', 'Credit card', 'Bancontact'],
    );
  });

  it('shows a method it has no words for as recorded', () => {
    assert.equal(paymentMethodName(translator('en'), 'klarna'), 'klarna');
  });
});
