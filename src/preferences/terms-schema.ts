import { Type } from 'typebox';
import { LOCALES } from '../config.ts';
import { CHANNELS, NON_TRANSACTIONAL_TOPICS } from './preferences.ts';

/** The `kind` every customer-terms document carries; anything else is not a terms document. */
export const TERMS_KIND = 'toonbank-customer-terms';
export const TERMS_VERSION = 1;
/** Where every shop publishes the schema below (relative to its PUBLIC_URL). */
export const TERMS_SCHEMA_PATH = '/api/customer-terms.schema.json';

const HHMM = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
const ChannelName = Type.String({
  description: `A channel. Toonbank knows ${CHANNELS.join(', ')}; other names are reported as not honoured.`,
});

/**
 * Portable customer terms, version 1: the customer's preferences as terms the customer (the FIRST party,
 * as in IEEE 7012 "machine-readable personal privacy terms") offers to a shop (the second party). Every Toonbank
 * shop can export them and apply them; whatever a shop cannot honour is reported back, never dropped silently.
 * Every key of `terms` is optional: a missing key leaves that preference as it is. Unknown keys are allowed
 * (a newer or other issuer's term) and reported as not honoured.
 */
export const CustomerTermsSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'The address of this JSON Schema' })),
    kind: Type.Literal(TERMS_KIND),
    version: Type.Literal(TERMS_VERSION),
    firstParty: Type.Object(
      { role: Type.Literal('customer') },
      { description: 'The customer states the terms; the shop is the second party and accepts or reports.' },
    ),
    secondParty: Type.Optional(
      Type.Object(
        { role: Type.Literal('shop'), name: Type.Optional(Type.String()), url: Type.Optional(Type.String()) },
        { description: 'The shop these terms were downloaded from (informational only).' },
      ),
    ),
    issuedAt: Type.String({ format: 'date-time', description: 'When the terms were issued (ISO 8601).' }),
    terms: Type.Object(
      {
        channels: Type.Optional(
          Type.Object({
            order: Type.Array(ChannelName, { description: 'Most preferred first', maxItems: 20 }),
            allowed: Type.Array(ChannelName, { description: 'The channels the shop may use', maxItems: 20 }),
          }),
        ),
        topics: Type.Optional(
          Type.Object({
            allowed: Type.Array(Type.String(), {
              maxItems: 50,
              description: `Topics the customer wants messages about, besides order and delivery updates (always allowed): ${NON_TRANSACTIONAL_TOPICS.join(', ')}. Everything not listed is off.`,
            }),
          }),
        ),
        frequency: Type.Optional(
          Type.Union(
            [
              Type.Null(),
              Type.Object({
                max: Type.Integer({ minimum: 0, maximum: 100 }),
                per: Type.Union([Type.Literal('week'), Type.Literal('month')]),
              }),
            ],
            { description: 'At most `max` non-transactional messages per week or month; null: no limit' },
          ),
        ),
        quiet: Type.Optional(
          Type.Object({
            hours: Type.Union([
              Type.Null(),
              Type.Object({ from: Type.String({ pattern: HHMM }), to: Type.String({ pattern: HHMM }) }),
            ]),
            days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
              description: 'ISO weekdays: 1 = Monday … 7 = Sunday',
              maxItems: 7,
            }),
          }),
        ),
        timeZone: Type.Optional(Type.String({ description: 'IANA time zone of the quiet hours' })),
        language: Type.Optional(
          Type.String({ description: `Preferred language (BCP 47); Toonbank speaks ${LOCALES.join(', ')}` }),
        ),
        'no-tracking': Type.Optional(
          Type.Boolean({ description: 'No tracking cookies, pixels or profiling' }),
        ),
        'no-data-sharing-with-third-parties': Type.Optional(
          Type.Boolean({ description: 'Personal data goes to nobody but who delivers or pays the order' }),
        ),
        'data-retention': Type.Optional(
          Type.Union([Type.Literal('minimum'), Type.String()], {
            description: "'minimum': keep only what the law requires, as briefly as it allows",
          }),
        ),
      },
      { additionalProperties: true },
    ),
  },
  { $id: 'CustomerTerms', title: 'Toonbank customer terms, version 1' },
);
