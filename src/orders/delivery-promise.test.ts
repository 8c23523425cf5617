import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Holidays from 'date-holidays';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { demoCalendars } from '../../test/helpers/shipping-fixtures.ts';
import { deliveryPromise } from './delivery-promise.ts';
import type { ShippingCalendar } from './shipping-calendar.ts';

const [mailbox, parcel] = demoCalendars;
const ZONE = 'Europe/Amsterdam';

/** A wall-clock moment in Amsterdam, e.g. '2025-11-28T22:30'. */
const local = (wall: string) => Temporal.ZonedDateTime.from(`${wall}[${ZONE}]`).toInstant();
const utc = (iso: string) => Temporal.Instant.from(iso);

function promised(calendar: ShippingCalendar, now: Temporal.Instant) {
  const p = deliveryPromise(calendar, now);
  return {
    dispatch: p.dispatchDate.toString(),
    delivery: p.deliveryDate.toString(),
    orderBefore: p.orderBefore.toString({ timeZoneName: 'never' }),
  };
}

describe('the delivery promise', () => {
  it('sends a mailbox order from Friday night on Monday, into the mailbox on Tuesday', () => {
    assert.deepEqual(promised(mailbox, local('2025-11-28T23:59:30')), {
      dispatch: '2025-12-01',
      delivery: '2025-12-02',
      orderBefore: '2025-12-01T23:59:00+01:00',
    });
  });

  it('delivers a parcel ordered after Friday’s cut-off on Tuesday, never on Sunday or Monday', () => {
    assert.deepEqual(promised(parcel, local('2025-11-28T22:30')), {
      dispatch: '2025-12-01',
      delivery: '2025-12-02',
      orderBefore: '2025-12-01T22:00:00+01:00',
    });
  });

  it('delivers a mailbox order from Friday before the cut-off on Saturday', () => {
    assert.deepEqual(promised(mailbox, local('2025-11-28T23:00')), {
      dispatch: '2025-11-28',
      delivery: '2025-11-29',
      orderBefore: '2025-11-28T23:59:00+01:00',
    });
  });

  it('holds a Saturday order until Monday', () => {
    assert.deepEqual(promised(mailbox, local('2025-11-29T10:00')), {
      dispatch: '2025-12-01',
      delivery: '2025-12-02',
      orderBefore: '2025-12-01T23:59:00+01:00',
    });
    assert.equal(promised(parcel, local('2025-11-29T10:00')).delivery, '2025-12-02');
  });

  it('dispatches today up to the last millisecond before the cut-off, tomorrow from the cut-off on', () => {
    assert.deepEqual(promised(parcel, local('2025-12-02T21:59:59.999')), {
      dispatch: '2025-12-02',
      delivery: '2025-12-03',
      orderBefore: '2025-12-02T22:00:00+01:00',
    });
    assert.deepEqual(promised(parcel, local('2025-12-02T22:00')), {
      dispatch: '2025-12-03',
      delivery: '2025-12-04',
      orderBefore: '2025-12-03T22:00:00+01:00',
    });
  });

  it('neither dispatches nor delivers on King’s Day, 27 April', () => {
    // 2026-04-27 is a Monday.
    assert.equal(promised(parcel, local('2026-04-24T22:30')).dispatch, '2026-04-28');
    assert.equal(promised(parcel, local('2026-04-24T22:30')).delivery, '2026-04-29');
    assert.equal(promised(mailbox, local('2026-04-25T10:00')).delivery, '2026-04-29');
    assert.equal(promised(parcel, local('2026-04-26T10:00')).delivery, '2026-04-29');
  });

  it('keeps King’s Day on 26 April when the 27th is a Sunday', () => {
    // 2025-04-26 is a Saturday: no Saturday delivery that week.
    assert.equal(promised(mailbox, local('2025-04-25T20:00')).delivery, '2025-04-29');
    assert.equal(promised(parcel, local('2025-04-25T20:00')).delivery, '2025-04-28');
    assert.equal(promised(mailbox, local('2025-04-24T20:00')).delivery, '2025-04-25');
  });

  it('skips Christmas and Boxing Day', () => {
    assert.deepEqual(promised(parcel, local('2025-12-24T21:00')), {
      dispatch: '2025-12-24',
      delivery: '2025-12-27',
      orderBefore: '2025-12-24T22:00:00+01:00',
    });
    assert.deepEqual(promised(parcel, local('2025-12-24T22:30')), {
      dispatch: '2025-12-29',
      delivery: '2025-12-30',
      orderBefore: '2025-12-29T22:00:00+01:00',
    });
  });

  it('skips New Year’s Day across the turn of the year', () => {
    assert.equal(promised(parcel, local('2025-12-31T21:00')).delivery, '2026-01-02');
    assert.deepEqual(promised(parcel, local('2025-12-31T22:30')), {
      dispatch: '2026-01-02',
      delivery: '2026-01-03',
      orderBefore: '2026-01-02T22:00:00+01:00',
    });
    assert.equal(promised(mailbox, local('2025-12-31T23:59:30')).delivery, '2026-01-03');
  });

  it('does not dispatch on the shop’s own closing day, but the carrier still delivers on it', () => {
    const closing = { ...parcel, closedDates: ['2026-06-12'] };
    assert.deepEqual(promised(closing, local('2026-06-11T22:30')), {
      dispatch: '2026-06-15',
      delivery: '2026-06-16',
      orderBefore: '2026-06-15T22:00:00+02:00',
    });
    assert.equal(promised(closing, local('2026-06-10T22:30')).delivery, '2026-06-12');
  });

  describe('on the nights the clocks change', () => {
    const sundayNoon = { ...parcel, dispatchWeekdays: [7], cutoff: { hour: 12, minute: 0 } };
    const hours = (p: { remaining: Temporal.Duration }) => p.remaining.total('hours');

    it('counts real hours to the cut-off when the clocks go forward (2026-03-29)', () => {
      // 02:00 CET becomes 03:00 CEST at 01:00Z; 02:30 local does not exist.
      for (const [now, remaining] of [
        ['2026-03-29T00:30:00Z', 43.5], // 01:30 CET
        ['2026-03-29T01:00:00Z', 43], // 03:00 CEST
        ['2026-03-29T01:30:00Z', 42.5], // 03:30 CEST
      ] as const) {
        const p = deliveryPromise(parcel, utc(now));
        assert.equal(p.dispatchDate.toString(), '2026-03-30', now);
        assert.equal(p.deliveryDate.toString(), '2026-03-31', now);
        assert.equal(hours(p), remaining, now);
      }
      const p = deliveryPromise(sundayNoon, utc('2026-03-29T00:30:00Z'));
      assert.equal(p.orderBefore.toString({ timeZoneName: 'never' }), '2026-03-29T12:00:00+02:00');
      assert.equal(hours(p), 9.5); // 10.5 on the wall clock, 9.5 in real time
    });

    it('counts real hours to the cut-off when the clocks go back (2026-10-25)', () => {
      // 03:00 CEST becomes 02:00 CET at 01:00Z; 02:30 local happens twice.
      for (const [now, remaining] of [
        ['2026-10-24T23:30:00Z', 45.5], // 01:30 CEST
        ['2026-10-25T00:30:00Z', 44.5], // 02:30 CEST
        ['2026-10-25T01:30:00Z', 43.5], // 02:30 CET
        ['2026-10-25T02:30:00Z', 42.5], // 03:30 CET
      ] as const) {
        const p = deliveryPromise(parcel, utc(now));
        assert.equal(p.dispatchDate.toString(), '2026-10-26', now);
        assert.equal(p.deliveryDate.toString(), '2026-10-27', now);
        assert.equal(hours(p), remaining, now);
      }
      const p = deliveryPromise(sundayNoon, utc('2026-10-24T23:30:00Z'));
      assert.equal(p.orderBefore.toString({ timeZoneName: 'never' }), '2026-10-25T12:00:00+01:00');
      assert.equal(hours(p), 11.5); // 10.5 on the wall clock, 11.5 in real time
    });

    it('passes a cut-off in the skipped hour when the clock jumps', () => {
      const early = { ...sundayNoon, cutoff: { hour: 2, minute: 30 } };
      const before = deliveryPromise(early, utc('2026-03-29T00:59:00Z')); // 01:59 CET
      assert.equal(before.dispatchDate.toString(), '2026-03-29');
      assert.equal(before.orderBefore.toInstant().toString(), '2026-03-29T01:00:00Z');
      assert.equal(before.remaining.total('minutes'), 1);
      // Too late from the jump on; the next Sunday, 5 April, is Easter.
      assert.equal(deliveryPromise(early, utc('2026-03-29T01:00:00Z')).dispatchDate.toString(), '2026-04-12');
    });

    it('takes the first of a repeated cut-off time when the clocks go back', () => {
      const early = { ...sundayNoon, cutoff: { hour: 2, minute: 30 } };
      const first = deliveryPromise(early, utc('2026-10-25T00:15:00Z')); // 02:15 CEST
      assert.equal(first.orderBefore.toInstant().toString(), '2026-10-25T00:30:00Z');
      // 02:15 CET comes after the first 02:30: too late for today.
      assert.equal(deliveryPromise(early, utc('2026-10-25T01:15:00Z')).dispatchDate.toString(), '2026-11-01');
    });
  });

  it('refuses a calendar that can never dispatch or deliver', () => {
    assert.throws(
      () => deliveryPromise({ ...parcel, dispatchWeekdays: [] }, local('2026-01-05T10:00')),
      RangeError,
    );
    assert.throws(
      () => deliveryPromise({ ...parcel, deliveryWeekdays: [] }, local('2026-01-05T10:00')),
      RangeError,
    );
    assert.throws(
      () => deliveryPromise({ ...parcel, transitDays: 0 }, local('2026-01-05T10:00')),
      RangeError,
    );
    assert.throws(() => deliveryPromise({ ...parcel, country: 'XX' }, local('2026-01-05T10:00')), RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, checked against a reference model that walks the calendar day by day with Date and
// Intl only: dates are UTC midnights, wall clocks come from Intl, holidays are date-holidays'
// start–end spans rather than its date strings.

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const FROM = Date.UTC(2025, 0, 1);
const UNTIL = Date.UTC(2029, 0, 1);
const ZONES = [
  'Europe/Amsterdam',
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'America/Santiago',
  'Asia/Kolkata',
];
const COUNTRIES = ['NL', 'BE', 'DE', 'GB', 'US'];

const wallFormats = new Map<string, Intl.DateTimeFormat>();
/** The wall-clock time in `timeZone` at `ms`, as if it were UTC. */
function wallOf(ms: number, timeZone: string): number {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const seconds = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return seconds + (((ms % 1000) + 1000) % 1000);
}

/** The first moment at which the wall clock shows `wall` or later. */
function firstMomentAt(wall: number, timeZone: string): number {
  const offsets = [wall - 36 * HOUR_MS, wall + 36 * HOUR_MS].map((ms) => wallOf(ms, timeZone) - ms);
  const exact = offsets.map((o) => wall - o).filter((ms) => wallOf(ms, timeZone) === wall);
  if (exact.length > 0) return Math.min(...exact);
  let lo = wall - Math.max(...offsets); // in a skipped hour: search the jump
  let hi = wall - Math.min(...offsets);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallOf(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

const referenceHolidays = new Map<string, { start: number; end: number }[]>();
/** Whether noon (UTC) of `day` falls within one of the country's public holidays. */
function referenceIsHoliday(country: string, day: number): boolean {
  const year = new Date(day).getUTCFullYear();
  let spans = referenceHolidays.get(`${country}:${year}`);
  if (!spans) {
    spans = new Holidays(country)
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => ({ start: h.start.getTime(), end: h.end.getTime() }));
    referenceHolidays.set(`${country}:${year}`, spans);
  }
  const noon = day + 12 * HOUR_MS;
  return spans.some((span) => span.start <= noon && noon < span.end);
}

const isoDay = (day: number) => new Date(day).toISOString().slice(0, 10);
const weekday = (day: number) => ((new Date(day).getUTCDay() + 6) % 7) + 1;

function referenceDispatchDay(c: ShippingCalendar, day: number): boolean {
  return (
    c.dispatchWeekdays.includes(weekday(day)) &&
    !c.closedDates.includes(isoDay(day)) &&
    !referenceIsHoliday(c.country, day)
  );
}
function referenceDeliveryDay(c: ShippingCalendar, day: number): boolean {
  return c.deliveryWeekdays.includes(weekday(day)) && !referenceIsHoliday(c.country, day);
}

function referencePromise(c: ShippingCalendar, now: number) {
  const wallNow = wallOf(now, c.timeZone);
  let dispatch = wallNow - (((wallNow % DAY_MS) + DAY_MS) % DAY_MS);
  let cutoff = 0;
  for (;;) {
    cutoff = firstMomentAt(dispatch + (c.cutoff.hour * 60 + c.cutoff.minute) * 60_000, c.timeZone);
    if (referenceDispatchDay(c, dispatch) && now < cutoff) break;
    dispatch += DAY_MS;
  }
  let delivery = dispatch;
  for (let n = 0; n < c.transitDays; ) {
    delivery += DAY_MS;
    if (referenceDeliveryDay(c, delivery)) n++;
  }
  return { dispatch: isoDay(dispatch), delivery: isoDay(delivery), orderBefore: cutoff };
}

const transitions = new Map<string, number[]>();
function transitionsIn(timeZone: string): number[] {
  let found = transitions.get(timeZone);
  if (!found) {
    found = [];
    let at = Temporal.Instant.fromEpochMilliseconds(FROM).toZonedDateTimeISO(timeZone);
    for (;;) {
      const next = at.getTimeZoneTransition('next');
      if (!next || next.epochMilliseconds >= UNTIL) break;
      found.push(next.epochMilliseconds);
      at = next;
    }
    transitions.set(timeZone, found);
  }
  return found;
}

const weekdays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });
const calendarWithoutClosing = fc.record({
  method: fc.constantFrom('mailbox', 'parcel'),
  cutoff: fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.constantFrom(0, 1, 30, 59) }),
  dispatchWeekdays: weekdays,
  deliveryWeekdays: weekdays,
  transitDays: fc.integer({ min: 1, max: 3 }),
  country: fc.constantFrom(...COUNTRIES),
  closedDates: fc.constant([] as string[]),
  timeZone: fc.constantFrom(...ZONES),
});

/** Any moment, or one close to a clock change, or one close to the calendar's cut-off. */
function momentFor(c: ShippingCalendar): fc.Arbitrary<number> {
  const zoneTransitions = transitionsIn(c.timeZone);
  const near = fc.constantFrom(-60_000, -1, 0, 1, 60_000);
  const anyMoment = fc.integer({ min: FROM, max: UNTIL - 1 });
  const nearTransition =
    zoneTransitions.length === 0
      ? anyMoment
      : fc
          .tuple(fc.constantFrom(...zoneTransitions), fc.integer({ min: -4 * HOUR_MS, max: 4 * HOUR_MS }))
          .map(([t, d]) => t + d);
  return fc.oneof(
    anyMoment,
    nearTransition,
    fc.tuple(fc.integer({ min: 0, max: 4 * 365 }), near).map(([day, d]) => {
      const date = Temporal.PlainDate.from('2025-01-01').add({ days: day });
      const time = new Temporal.PlainTime(c.cutoff.hour, c.cutoff.minute);
      return date.toZonedDateTime({ timeZone: c.timeZone, plainTime: time }).epochMilliseconds + d;
    }),
  );
}

/** A calendar, its closing days near `now`, and `now`. */
const scenario = calendarWithoutClosing.chain((base) =>
  fc
    .record({
      now: momentFor(base),
      closed: fc.uniqueArray(fc.integer({ min: -1, max: 20 }), { maxLength: 8 }),
    })
    .map(({ now, closed }) => {
      const today = Temporal.Instant.fromEpochMilliseconds(now)
        .toZonedDateTimeISO(base.timeZone)
        .toPlainDate();
      const closedDates = closed.map((d) => today.add({ days: d }).toString());
      return { calendar: { ...base, closedDates } as ShippingCalendar, now };
    }),
);

// Assertions carry a message: without one, node:assert re-reads the source on every failure,
// which turns shrinking a counterexample into minutes.
const RUNS = { numRuns: 2000 };
const instant = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms);
const dayMs = (date: Temporal.PlainDate) => Date.UTC(date.year, date.month - 1, date.day);
const notBefore = (a: Temporal.PlainDate, b: Temporal.PlainDate) => Temporal.PlainDate.compare(a, b) >= 0;

describe('the delivery promise, for any moment and calendar', () => {
  it('never promises delivery on a day the carrier does not deliver', () => {
    fc.assert(
      fc.property(scenario, ({ calendar, now }) => {
        const { deliveryDate } = deliveryPromise(calendar, instant(now));
        assert.ok(referenceDeliveryDay(calendar, dayMs(deliveryDate)), `no delivery on ${deliveryDate}`);
      }),
      RUNS,
    );
  });

  it('never dispatches on a day the shop does not dispatch', () => {
    fc.assert(
      fc.property(scenario, ({ calendar, now }) => {
        const { dispatchDate } = deliveryPromise(calendar, instant(now));
        assert.ok(referenceDispatchDay(calendar, dayMs(dispatchDate)), `no dispatch on ${dispatchDate}`);
      }),
      RUNS,
    );
  });

  it('delivers after dispatch, with the cut-off ahead and the exact time left until it', () => {
    fc.assert(
      fc.property(scenario, ({ calendar, now }) => {
        const p = deliveryPromise(calendar, instant(now));
        const today = instant(now).toZonedDateTimeISO(calendar.timeZone).toPlainDate();
        assert.ok(notBefore(p.dispatchDate, today), 'dispatch before today');
        assert.ok(!notBefore(p.dispatchDate, p.deliveryDate), 'delivery not after dispatch');
        assert.ok(p.orderBefore.epochMilliseconds > now, 'cut-off not ahead');
        assert.ok(p.orderBefore.toPlainDate().equals(p.dispatchDate), 'cut-off not on the dispatch day');
        assert.equal(p.remaining.total('milliseconds'), p.orderBefore.epochMilliseconds - now);
      }),
      RUNS,
    );
  });

  it('never gets earlier as time moves on', () => {
    const later = fc.oneof(fc.integer({ min: 0, max: 120_000 }), fc.integer({ min: 0, max: 4 * DAY_MS }));
    fc.assert(
      fc.property(scenario, later, ({ calendar, now }, step) => {
        const first = deliveryPromise(calendar, instant(now));
        const second = deliveryPromise(calendar, instant(now + step));
        assert.ok(notBefore(second.dispatchDate, first.dispatchDate), 'dispatch got earlier');
        assert.ok(notBefore(second.deliveryDate, first.deliveryDate), 'delivery got earlier');
        assert.ok(
          second.orderBefore.epochMilliseconds >= first.orderBefore.epochMilliseconds,
          'cut-off got earlier',
        );
      }),
      RUNS,
    );
  });

  it('equals the day-by-day reference model', () => {
    fc.assert(
      fc.property(scenario, ({ calendar, now }) => {
        const p = deliveryPromise(calendar, instant(now));
        assert.deepEqual(
          {
            dispatch: p.dispatchDate.toString(),
            delivery: p.deliveryDate.toString(),
            orderBefore: p.orderBefore.epochMilliseconds,
          },
          referencePromise(calendar, now),
        );
      }),
      RUNS,
    );
  });
});
