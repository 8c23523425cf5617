import type { MessageKey } from '../web/i18n/messages.ts';
import {
  CHANNELS,
  type Channel,
  NON_TRANSACTIONAL_TOPICS,
  type Preferences,
  type Weekday,
} from './preferences.ts';

/** The posted form as plain strings (checkboxes: present or not). */
export type PreferenceForm = Record<string, string>;

/** The form's field names, shared by the page that renders them and the parser below. */
export const field = {
  order: 'order',
  move: 'move',
  channel: (c: Channel) => `channel_${c}`,
  transactionalChannel: 'transactional_channel',
  topic: (t: string) => `topic_${t}`,
  turnOff: 'turn_off',
  frequency: 'frequency',
  frequencyMax: 'frequency_max',
  frequencyPer: 'frequency_per',
  quietOn: 'quiet_on',
  quietFrom: 'quiet_from',
  quietTo: 'quiet_to',
  quietDay: (d: number) => `quiet_day_${d}`,
  timeZone: 'time_zone',
  locale: 'locale',
} as const;

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/**
 * Pure: the preferences the customer asked for with the preference-centre form, starting from `current` (what
 * the form was rendered from). A move button ("sms:up") moves one channel; choosing the channel for order
 * updates puts it first and turns it on; a soft opt-in stays one unless the customer ticks it (their own consent)
 * or presses "turn off". `errors` names the fields to fix, with the message to show there.
 */
export function preferencesFromForm(
  form: PreferenceForm,
  current: Preferences,
): { next: Preferences; errors: Record<string, MessageKey> } {
  const errors: Record<string, MessageKey> = {};
  const posted = (form[field.order] ?? '').split(',');
  let order: Channel[] =
    posted.length === CHANNELS.length && CHANNELS.every((c) => posted.includes(c))
      ? (posted as Channel[])
      : [...current.channels.order];
  const enabled = Object.fromEntries(
    CHANNELS.map((c) => [c, form[field.channel(c)] !== undefined]),
  ) as Record<Channel, boolean>;

  const [moved, direction] = (form[field.move] ?? '').split(':');
  const at = order.indexOf(moved as Channel);
  if (at >= 0 && (direction === 'up' || direction === 'down')) {
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to >= 0 && to < order.length) {
      order = [...order];
      [order[at], order[to]] = [order[to]!, order[at]!];
    }
  }

  const wantedFirst = form[field.transactionalChannel] as Channel | undefined;
  const firstBefore = current.channels.order.find((c) => current.channels.enabled[c]);
  if (wantedFirst && (CHANNELS as readonly string[]).includes(wantedFirst) && wantedFirst !== firstBefore) {
    order = [wantedFirst, ...order.filter((c) => c !== wantedFirst)];
    enabled[wantedFirst] = true;
  }

  const topics = { ...current.topics };
  for (const t of NON_TRANSACTIONAL_TOPICS) {
    const ticked = form[field.topic(t)] !== undefined;
    if (form[field.turnOff] === t) topics[t] = 'off';
    else if (ticked) topics[t] = 'on';
    else if (current.topics[t] !== 'soft-opt-in') topics[t] = 'off';
  }

  let frequency: Preferences['frequency'] = null;
  if (form[field.frequency] === 'limit') {
    const max = Number(form[field.frequencyMax]);
    const per = form[field.frequencyPer] === 'month' ? 'month' : 'week';
    if (!/^\d{1,3}$/.test(form[field.frequencyMax] ?? '') || max > 100)
      errors[field.frequencyMax] = 'prefs.error.max';
    else frequency = { max, per };
  }

  let hours: Preferences['quiet']['hours'] = null;
  if (form[field.quietOn] !== undefined) {
    const from = form[field.quietFrom] ?? '';
    const to = form[field.quietTo] ?? '';
    if (!TIME.test(from)) errors[field.quietFrom] = 'prefs.error.time';
    if (!TIME.test(to)) errors[field.quietTo] = 'prefs.error.time';
    if (TIME.test(from) && TIME.test(to)) hours = { from, to };
  }
  const days = ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).filter((d) => form[field.quietDay(d)] !== undefined);

  const zone = form[field.timeZone] ?? current.timeZone;
  let timeZone = current.timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    timeZone = zone;
  } catch {
    errors[field.timeZone] = 'prefs.error.timeZone';
  }
  const locale = form[field.locale] === 'en' ? 'en' : form[field.locale] === 'nl' ? 'nl' : current.locale;

  if (!CHANNELS.some((c) => enabled[c])) errors.channels = 'prefs.error.noChannel';

  return {
    next: {
      schemaVersion: 1,
      channels: { order, enabled },
      topics,
      frequency,
      quiet: { hours, days },
      timeZone,
      locale,
    },
    errors,
  };
}

/** A posted form body (url-encoded or multipart) as plain strings, first value of each field. */
export function formStrings(body: unknown): PreferenceForm {
  const out: PreferenceForm = {};
  if (!body || typeof body !== 'object') return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') out[key] = first;
    else if (first && typeof first === 'object' && 'value' in first) out[key] = String(first.value ?? '');
  }
  return out;
}
