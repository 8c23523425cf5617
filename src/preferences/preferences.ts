import { Type } from 'typebox';
import { LOCALES, type Locale } from '../config.ts';

/**
 * The preference centre's model: "the menu, filled in once". One typed document per customer; the message
 * gateway (src/messaging/gateway) decides every message from it. Everything here is the customer's choice.
 */

/** Ways the shop can reach a customer, in the customer's order of preference. */
export const CHANNELS = ['email', 'push', 'sms', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What a message is about. Only 'transactional' can never be switched off (its channel can be chosen). */
export const TOPICS = [
  'transactional',
  'replenishment',
  'answers',
  'new-for-my-appliances',
  'offers',
  'surveys',
  'reviews',
  'stories',
] as const;
export type Topic = (typeof TOPICS)[number];
export const NON_TRANSACTIONAL_TOPICS = TOPICS.filter((t) => t !== 'transactional') as Exclude<
  Topic,
  'transactional'
>[];

/**
 * A topic's state: 'on' (the customer turned it on: consent), 'off', or 'soft-opt-in' (Dutch Telecommunicatiewet
 * art. 11.7 lid 3: after a purchase, only for 'new-for-my-appliances', recorded as such, with an opt-out in
 * every message). 'transactional' is always 'on'.
 */
export type TopicState = 'on' | 'off' | 'soft-opt-in';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const TopicStateSchema = Type.Union([Type.Literal('on'), Type.Literal('off'), Type.Literal('soft-opt-in')]);

const HHMM = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

export const PreferencesSchema = Type.Object(
  {
    /** The document's format; bump and migrate when the shape changes. */
    schemaVersion: Type.Literal(1),
    channels: Type.Object(
      {
        /** All four channels, each exactly once, most preferred first. */
        order: Type.Array(Type.Union(CHANNELS.map((c) => Type.Literal(c))), { minItems: 4, maxItems: 4 }),
        enabled: Type.Object(
          Object.fromEntries(CHANNELS.map((c) => [c, Type.Boolean()])) as Record<
            Channel,
            ReturnType<typeof Type.Boolean>
          >,
          { additionalProperties: false },
        ),
      },
      { additionalProperties: false },
    ),
    topics: Type.Object(
      Object.fromEntries(TOPICS.map((t) => [t, TopicStateSchema])) as Record<Topic, typeof TopicStateSchema>,
      { additionalProperties: false },
    ),
    /** At most this many non-transactional messages per period; null: no limit beyond the topics. */
    frequency: Type.Union([
      Type.Null(),
      Type.Object(
        {
          max: Type.Integer({ minimum: 0, maximum: 100 }),
          per: Type.Union([Type.Literal('week'), Type.Literal('month')]),
        },
        { additionalProperties: false },
      ),
    ]),
    /** Quiet hours (may cross midnight, e.g. 21:00–08:00) and quiet days, in `timeZone`. */
    quiet: Type.Object(
      {
        hours: Type.Union([
          Type.Null(),
          Type.Object(
            { from: Type.String({ pattern: HHMM }), to: Type.String({ pattern: HHMM }) },
            { additionalProperties: false },
          ),
        ]),
        days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7, uniqueItems: true }),
      },
      { additionalProperties: false },
    ),
    /** IANA time zone the quiet hours are in, e.g. 'Europe/Amsterdam'. */
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    locale: Type.Union(LOCALES.map((l) => Type.Literal(l))),
  },
  {
    additionalProperties: false,
    $id: 'Preferences',
    title: 'Preferences',
    description:
      "A customer's preferences (the preference centre): channels, topics, how often, when, language. See docs/preferences.md.",
  },
);

export type Preferences = {
  schemaVersion: 1;
  channels: { order: Channel[]; enabled: Record<Channel, boolean> };
  topics: Record<Topic, TopicState>;
  frequency: { max: number; per: 'week' | 'month' } | null;
  quiet: { hours: { from: string; to: string } | null; days: Weekday[] };
  timeZone: string;
  locale: Locale;
};

/**
 * Where every customer starts: e-mail only, transactional only, nothing else until the customer turns it on
 * (privacy by default, GDPR Art. 25). Quiet hours are off until set: order updates then arrive when they happen.
 */
export function defaultPreferences(locale: Locale, timeZone: string): Preferences {
  return {
    schemaVersion: 1,
    channels: { order: [...CHANNELS], enabled: { email: true, push: false, sms: false, post: false } },
    topics: Object.fromEntries(TOPICS.map((t) => [t, t === 'transactional' ? 'on' : 'off'])) as Record<
      Topic,
      TopicState
    >,
    frequency: null,
    quiet: { hours: null, days: [] },
    timeZone,
    locale,
  };
}

export type PreferenceProblem = { path: string; reason: string };

/**
 * The rules the schema cannot say: every channel once in the order; at least one channel on (transactional
 * messages must reach the customer somehow); transactional stays on; soft opt-in only for
 * 'new-for-my-appliances'; a known time zone. Returns [] when the document is acceptable.
 */
export function preferenceProblems(prefs: Preferences): PreferenceProblem[] {
  const problems: PreferenceProblem[] = [];
  const order = new Set(prefs.channels.order);
  if (order.size !== CHANNELS.length || !CHANNELS.every((c) => order.has(c)))
    problems.push({ path: 'channels.order', reason: 'every channel exactly once' });
  if (!CHANNELS.some((c) => prefs.channels.enabled[c]))
    problems.push({
      path: 'channels.enabled',
      reason: 'at least one channel must stay on for order updates',
    });
  if (prefs.topics.transactional !== 'on')
    problems.push({
      path: 'topics.transactional',
      reason: 'order and delivery updates cannot be switched off',
    });
  for (const topic of NON_TRANSACTIONAL_TOPICS) {
    if (prefs.topics[topic] === 'soft-opt-in' && topic !== 'new-for-my-appliances')
      problems.push({
        path: `topics.${topic}`,
        reason: 'soft opt-in applies only to new products for my appliances',
      });
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: prefs.timeZone });
  } catch {
    problems.push({ path: 'timeZone', reason: 'not a known IANA time zone' });
  }
  return problems;
}
