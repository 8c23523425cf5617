import { Type } from 'typebox';

/** Every API error: a stable machine id, a message for people, and where useful a reason and per-field reasons. */
export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      id: Type.String({
        description: 'Stable machine id from the error catalogue, e.g. invalid-input, not-found',
      }),
      message: Type.String({ description: 'For people, in the language of the request' }),
      reason: Type.Optional(Type.String()),
      fields: Type.Optional(Type.Record(Type.String(), Type.String())),
    }),
  },
  { $id: 'Error' },
);

/** `?lang=nl|en`: the language of names, descriptions and messages. */
export const LangQuery = Type.Optional(
  Type.Union([Type.Literal('nl'), Type.Literal('en')], {
    description: 'Language of names, descriptions and messages',
  }),
);
