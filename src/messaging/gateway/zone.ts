/**
 * Time-zone arithmetic for the gateway without Temporal (which costs microseconds per call): a zone's UTC
 * offset is asked of Intl once per quarter hour of UTC time and cached. Every real offset change since the
 * 1970s happens on a quarter hour of UTC (offsets are whole quarter hours and changes happen at a local
 * whole or half hour), so within one quarter hour the offset cannot change.
 */

const QUARTER = 15 * 60_000;
export const DAY_MS = 86_400_000;

const SLOTS = 256; // a direct-mapped cache: quarter hour → offset, 64 hours' worth

export class Zone {
  readonly name: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly buckets = new Float64Array(SLOTS).fill(Number.NaN);
  private readonly offsets = new Float64Array(SLOTS);

  constructor(name: string) {
    this.name = name;
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Local time minus UTC, in ms, at the UTC instant `utc`. */
  offset(utc: number): number {
    const bucket = Math.floor(utc / QUARTER);
    const slot = bucket & (SLOTS - 1);
    if (this.buckets[slot] === bucket) return this.offsets[slot]!;
    const offset = this.compute(bucket * QUARTER);
    this.buckets[slot] = bucket;
    this.offsets[slot] = offset;
    return offset;
  }

  /** The UTC instant of a local wall-clock time (in a DST gap: shifted forward by the gap, as clocks do). */
  toUtc(local: number): number {
    const guess = local - this.offset(local - this.offset(local));
    const again = local - this.offset(guess);
    return again === guess ? guess : Math.max(guess, again);
  }

  private compute(utc: number): number {
    const p = this.format.formatToParts(new Date(utc));
    let y = 0;
    let mo = 0;
    let d = 0;
    let h = 0;
    let mi = 0;
    let s = 0;
    for (const part of p) {
      switch (part.type) {
        case 'year':
          y = Number(part.value);
          break;
        case 'month':
          mo = Number(part.value);
          break;
        case 'day':
          d = Number(part.value);
          break;
        case 'hour':
          h = Number(part.value);
          break;
        case 'minute':
          mi = Number(part.value);
          break;
        case 'second':
          s = Number(part.value);
          break;
      }
    }
    return Date.UTC(y, mo - 1, d, h, mi, s) - utc;
  }
}

const zones = new Map<string, Zone>();

/** The shared cache for a zone name; an unknown zone falls back to UTC (preferences are validated before). */
export function zoneOf(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    try {
      zone = new Zone(name);
    } catch {
      zone = zoneOf('UTC');
    }
    zones.set(name, zone);
  }
  return zone;
}
