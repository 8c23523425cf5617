import { Temporal } from 'temporal-polyfill';

/** Time is an argument: logic asks the clock, tests hand in a fixed or moving one. */
export type Clock = { now(): Temporal.Instant };

export const systemClock: Clock = { now: () => Temporal.Now.instant() };

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
