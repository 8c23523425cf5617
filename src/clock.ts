import { Temporal } from 'temporal-polyfill';

/** Time is an argument: logic asks the clock, tests hand in a fixed or moving one. */
export type Clock = { now(): Temporal.Instant };

/**
 * The real clock. The polyfill's `Temporal.Now.instant()` has millisecond precision (it reads `Date.now()`), so one
 * instant is made per millisecond and handed to every caller within it (instants are immutable): a busy server
 * asks many times per millisecond, and making an instant costs twenty times reading the time.
 */
export const systemClock: Clock = (() => {
  let ms = Number.NaN;
  let instant = Temporal.Now.instant();
  return {
    now: () => {
      const current = Date.now();
      if (current !== ms) {
        ms = current;
        instant = Temporal.Instant.fromEpochMilliseconds(current);
      }
      return instant;
    },
  };
})();

export function fixedClock(
  iso: string,
): Clock & { set(iso: string): void; advance(d: Temporal.DurationLike): void } {
  let instant = Temporal.Instant.from(iso);
  return {
    now: () => instant,
    set: (next) => {
      instant = Temporal.Instant.from(next);
    },
    advance: (d) => {
      instant = instant.add(d);
    },
  };
}

/** ISO-8601 UTC text as stored in the database, with millisecond precision so it sorts as text. */
export function isoNow(clock: Clock): string {
  return new Date(clock.now().epochMilliseconds).toISOString();
}
