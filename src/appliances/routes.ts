import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { ErrorSchema, LangQuery } from '../web/api-schemas.ts';
import { lookupInputProblem } from './lookup-input.ts';
import { listBrandGuides } from './save-brand-guides.ts';

const Lang = LangQuery;

const MatchSchema = Type.Object(
  {
    id: Type.String({ description: 'The appliance; its page is /a/{id}' }),
    brand: Type.String(),
    model: Type.String({ description: 'As printed on the type plate' }),
    name: Type.String(),
    category: Type.Union([Type.Literal('vacuum'), Type.Literal('coffee')]),
    match: Type.Union(
      [Type.Literal('exact'), Type.Literal('alias'), Type.Literal('prefix'), Type.Literal('fuzzy')],
      {
        description:
          'How it was found: the model or an alias exactly, a model starting with the query, or with typos',
      },
    ),
    variant: Type.Union([Type.String(), Type.Null()], {
      description: 'The serial-number variant the serial picked',
    }),
    needsSerial: Type.Boolean({ description: 'Variants take different products: ask for the serial number' }),
    variants: Type.Array(Type.String(), {
      description: 'Labels of the production series the appliance came in',
    }),
    products: Type.Array(
      Type.Object({
        sku: Type.String(),
        name: Type.String(),
        priceCents: Type.Integer({ description: 'Price including VAT, in cents' }),
        inStock: Type.Boolean(),
        note: Type.Optional(Type.String({ description: 'A qualifier, e.g. "only with the turbo brush"' })),
      }),
    ),
    notes: Type.String(),
  },
  { $id: 'ApplianceMatch' },
);

const BrandSchema = Type.Object(
  {
    name: Type.String(),
    words: Type.Array(Type.String(), { description: 'Other words customers type for the brand' }),
    modelField: Type.String({ description: 'Which field on the type plate holds the model number' }),
    plate: Type.Object(
      { vacuum: Type.String(), coffee: Type.String() },
      { description: 'Where the type plate usually sits, per appliance category' },
    ),
  },
  { $id: 'Brand' },
);

/** The appliance lookup API under /api/v1: model number → appliances → products that fit. */
export function registerApplianceApi(app: FastifyInstance): void {
  app.get(
    '/api/v1/lookup',
    {
      schema: {
        tags: ['appliances'],
        summary: 'Find appliances by what is printed on the type plate, with the products that fit',
        description:
          'Case, spaces, dots, dashes and slashes do not matter; brand words narrow the result; typos are forgiven. Best match first.',
        querystring: Type.Object({
          q: Type.Optional(
            Type.String({
              description: 'Model number, alias (EAN, 12NC, PNC) or brand and model; at most 100 characters',
            }),
          ),
          serial: Type.Optional(
            Type.String({ description: 'Serial or production number, to pick the variant' }),
          ),
          limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
          lang: Lang,
        }),
        response: {
          200: Type.Object({
            query: Type.String(),
            brand: Type.Union([Type.String(), Type.Null()], {
              description: 'The brand the query named, if exactly one',
            }),
            matches: Type.Array(MatchSchema),
          }),
          400: ErrorSchema,
        },
      },
    },
    async (request) => {
      const { q, serial, limit } = request.query as { q?: string; serial?: string; limit: number };
      const reason = lookupInputProblem(request.t, { q, serial });
      if (reason) throw new AppError('invalid-input', { reason });
      return app.lookup.lookup(request.ctx, { q: q!, serial, limit });
    },
  );

  app.get(
    '/api/v1/brands',
    {
      schema: {
        tags: ['appliances'],
        summary: 'Brands with their type-plate guide ("Where do I find my type number?")',
        querystring: Type.Object({ lang: Lang }),
        response: { 200: Type.Object({ items: Type.Array(BrandSchema) }) },
      },
    },
    async (request) => ({ items: await listBrandGuides(request.ctx) }),
  );
}
