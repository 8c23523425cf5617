import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { demoCalendars } from '../../test/helpers/shipping-fixtures.ts';
import type { Locale } from '../config.ts';
import { deliveryPromise } from './delivery-promise.ts';
import { deliveryText, type OrderTranslate } from './delivery-text.ts';
import { orderMessages } from './messages.ts';
import type { ShippingCalendar } from './shipping-calendar.ts';

const [mailbox, parcel] = demoCalendars;

/** The same `{name}` filling as the web translator, over the order messages alone. */
const translate =
  (locale: Locale): OrderTranslate =>
  (key, params) =>
    orderMessages[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));

/** The promise line at a wall-clock moment in Amsterdam, e.g. '2025-11-28T22:30'. */
function textAt(calendar: ShippingCalendar, wall: string, locale: Locale): string {
  const now = Temporal.ZonedDateTime.from(`${wall}[Europe/Amsterdam]`).toInstant();
  return deliveryText(translate(locale), locale, deliveryPromise(calendar, now), calendar.method, now);
}

describe('the delivery promise in words', () => {
  it('names the cut-off time and the weekday and date, in both languages', () => {
    // King's Day 2025 falls on Saturday 26 April: no delivery until Monday or Tuesday.
    assert.equal(
      textAt(mailbox, '2025-04-25T10:00', 'nl'),
      'Vóór 23:59 besteld, dinsdag 29 april in je brievenbus',
    );
    assert.equal(
      textAt(mailbox, '2025-04-25T10:00', 'en'),
      'Order before 23:59, in your mailbox Tuesday 29 April',
    );
    assert.equal(
      textAt(parcel, '2025-04-25T10:00', 'nl'),
      'Vóór 22:00 besteld, maandag 28 april bij je bezorgd',
    );
    assert.equal(textAt(parcel, '2025-04-25T10:00', 'en'), 'Order before 22:00, delivered Monday 28 April');
  });

  it('counts down the last six hours', () => {
    assert.equal(
      textAt(mailbox, '2025-04-25T21:45:20', 'nl'),
      'Binnen 2 u 13 min besteld, dinsdag 29 april in je brievenbus',
    );
    assert.equal(
      textAt(mailbox, '2025-04-25T21:45:20', 'en'),
      'Order within 2 h 13 min, in your mailbox Tuesday 29 April',
    );
    assert.equal(
      textAt(mailbox, '2025-04-25T17:59', 'en'),
      'Order within 6 h, in your mailbox Tuesday 29 April',
    );
    assert.equal(
      textAt(mailbox, '2025-04-25T17:58:59', 'en'),
      'Order before 23:59, in your mailbox Tuesday 29 April',
    );
    assert.equal(
      textAt(parcel, '2025-04-25T21:51', 'nl'),
      'Binnen 9 min besteld, maandag 28 april bij je bezorgd',
    );
  });

  it('rounds the countdown down, but never to nothing', () => {
    assert.equal(
      textAt(parcel, '2025-04-25T21:50:01', 'en'),
      'Order within 9 min, delivered Monday 28 April',
    );
    assert.equal(
      textAt(parcel, '2025-04-25T21:59:30', 'en'),
      'Order within 1 min, delivered Monday 28 April',
    );
  });

  it('says tomorrow when delivery is tomorrow', () => {
    assert.equal(textAt(mailbox, '2025-12-01T10:00', 'nl'), 'Vóór 23:59 besteld, morgen in je brievenbus');
    assert.equal(textAt(mailbox, '2025-12-01T10:00', 'en'), 'Order before 23:59, in your mailbox tomorrow');
    assert.equal(textAt(parcel, '2025-12-01T20:00', 'nl'), 'Binnen 2 u besteld, morgen bij je bezorgd');
    assert.equal(textAt(parcel, '2025-12-01T20:00', 'en'), 'Order within 2 h, delivered tomorrow');
  });

  it('reckons tomorrow in the shop’s zone, not in UTC', () => {
    // 00:30 on Tuesday in Amsterdam is still Monday in UTC; Wednesday is tomorrow.
    const now = Temporal.Instant.from('2025-12-01T23:30:00Z');
    const promise = deliveryPromise(mailbox, now);
    assert.equal(promise.deliveryDate.toString(), '2025-12-03');
    assert.equal(
      deliveryText(translate('nl'), 'nl', promise, 'mailbox', now),
      'Vóór 23:59 besteld, morgen in je brievenbus',
    );
  });

  it('names the day of a cut-off that is not today', () => {
    assert.equal(
      textAt(parcel, '2025-11-30T10:00', 'nl'),
      'Vóór morgen 22:00 besteld, dinsdag 2 december bij je bezorgd',
    );
    assert.equal(
      textAt(parcel, '2025-11-30T10:00', 'en'),
      'Order before 22:00 tomorrow, delivered Tuesday 2 December',
    );
    assert.equal(
      textAt(mailbox, '2025-11-29T10:00', 'nl'),
      'Vóór maandag 23:59 besteld, dinsdag 2 december in je brievenbus',
    );
    assert.equal(
      textAt(mailbox, '2025-11-29T10:00', 'en'),
      'Order before 23:59 on Monday, in your mailbox Tuesday 2 December',
    );
  });

  it('counts real time down across the spring-forward night', () => {
    const sundayMorning = { ...parcel, dispatchWeekdays: [7], cutoff: { hour: 6, minute: 0 } };
    const now = Temporal.Instant.from('2026-03-29T00:30:00Z'); // 01:30 CET; 06:00 CEST is 3.5 h away
    const text = deliveryText(translate('en'), 'en', deliveryPromise(sundayMorning, now), 'parcel', now);
    assert.equal(text, 'Order within 3 h 30 min, delivered tomorrow');
  });
});
