import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { customerOf } from '../customers/guard.ts';
import { AppError } from '../errors.ts';
import { ErrorSchema } from '../web/api-schemas.ts';
import { applyCustomerTerms, NOT_HONOURED_REASONS, termsDocument } from './customer-terms.ts';
import { changePreferences, loadPreferences, preferenceDocumentProblems } from './preference-store.ts';
import { type Preferences, PreferencesSchema } from './preferences.ts';
import { CustomerTermsSchema, TERMS_SCHEMA_PATH } from './terms-schema.ts';
import { WORDING } from './wording.ts';

const AUTH =
  'Needs the customer session cookie of a signed-in customer (sign in at /account/sign-in); 401 without it.';

const PreferencesResponse = Type.Object({
  revision: Type.Integer({ minimum: 0, description: 'Send it back with PUT; 0 until the first save' }),
  preferences: PreferencesSchema,
});

const TermsApplicationSchema = Type.Object({
  applied: Type.Array(Type.String(), {
    description: "Terms applied, e.g. 'channels.email', 'topics.offers'",
  }),
  notHonoured: Type.Array(
    Type.Object({
      term: Type.String(),
      reason: Type.Union(NOT_HONOURED_REASONS.map((r) => Type.Literal(r))),
    }),
    { description: 'Terms this shop cannot honour, with the reason: never dropped silently' },
  ),
});

/** `GET/PUT /api/v1/me/preferences`, `GET/POST /api/v1/me/terms` and the published terms JSON Schema. */
export function registerPreferenceApi(app: FastifyInstance): void {
  app.get(
    '/api/v1/me/preferences',
    {
      schema: {
        tags: ['account'],
        summary: "The signed-in customer's preferences and their revision",
        description: `${AUTH} The ETag header holds the revision.`,
        response: { 200: PreferencesResponse, 401: ErrorSchema },
      },
    },
    async (request, reply) => {
      const customer = customerOf(request);
      const { prefs, revision } = await loadPreferences(request.ctx, customer.id);
      reply.header('cache-control', 'no-store').header('etag', `"${revision}"`);
      return { revision, preferences: prefs };
    },
  );

  app.put(
    '/api/v1/me/preferences',
    {
      // an invalid document is answered with 422 and a reason per field, not with the schema's 400
      attachValidation: true,
      schema: {
        tags: ['account'],
        summary: 'Replace the preferences (optimistic concurrency on the revision)',
        description: `${AUTH} Send the revision you read (in the body, or as \`If-Match: "<revision>"\`); when the preferences changed since, the answer is 409 preferences-stale and nothing is stored: read them again. An invalid document is refused with 422 validation-failed and a reason per field (e.g. \`topics.transactional\`: order updates cannot be switched off). Every changed setting is recorded in the consent ledger with source "api".`,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: Type.Object({ revision: Type.Integer({ minimum: 0 }), preferences: PreferencesSchema }),
        response: {
          200: Type.Object({
            revision: Type.Integer(),
            changes: Type.Integer({ description: 'How many settings changed (ledger rows written)' }),
            preferences: PreferencesSchema,
          }),
          401: ErrorSchema,
          409: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const customer = customerOf(request);
      const body = request.body as { revision?: unknown; preferences?: unknown } | null;
      const fields: Record<string, string> = {};
      const ifMatch = parseIfMatch(request.headers['if-match']);
      const revision = ifMatch ?? body?.revision;
      if (!Number.isInteger(revision) || (revision as number) < 0)
        fields.revision = 'send the revision you read (an integer ≥ 0)';
      for (const p of preferenceDocumentProblems(body?.preferences))
        fields[`preferences.${p.path}`] = p.reason;
      if (Object.keys(fields).length > 0) throw new AppError('validation-failed', {}, fields);
      const preferences = body!.preferences as Preferences;
      const result = await changePreferences(request.ctx, customer.id, preferences, {
        source: 'api',
        actor: 'customer',
        wordingVersion: WORDING.preferenceCentre,
        expectedRevision: revision as number,
      });
      reply.header('cache-control', 'no-store').header('etag', `"${result.revision}"`);
      return { revision: result.revision, changes: result.changes, preferences };
    },
  );

  app.get(
    '/api/v1/me/terms',
    {
      schema: {
        tags: ['account'],
        summary: "The signed-in customer's portable customer terms",
        description: `${AUTH} The preferences as a customer-terms document (schema at ${TERMS_SCHEMA_PATH}), to apply at another shop.`,
        response: { 200: CustomerTermsSchema, 401: ErrorSchema },
      },
    },
    async (request, reply) => {
      const customer = customerOf(request);
      reply.header('cache-control', 'no-store');
      return termsDocument(request.ctx, customer.id);
    },
  );

  app.post(
    '/api/v1/me/terms',
    {
      attachValidation: true,
      schema: {
        tags: ['account'],
        summary: 'Apply customer terms to the preferences',
        description: `${AUTH} Applies a customer-terms document (schema at ${TERMS_SCHEMA_PATH}), records the acceptance in the consent ledger, and answers which terms were applied and which this shop cannot honour, with the reason. Not a terms document: 422.`,
        body: CustomerTermsSchema,
        response: { 200: TermsApplicationSchema, 401: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (request) => {
      const customer = customerOf(request);
      return applyCustomerTerms(request.ctx, customer.id, request.body, 'terms-upload');
    },
  );

  app.get(TERMS_SCHEMA_PATH, { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600').type('application/schema+json; charset=utf-8');
    return JSON.stringify(
      {
        ...(JSON.parse(JSON.stringify(CustomerTermsSchema)) as object),
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: `${app.config.publicUrl}${TERMS_SCHEMA_PATH}`,
      },
      null,
      2,
    );
  });
}

/** `If-Match: "3"` (or W/"3", or 3) → 3; absent or unreadable → undefined. */
function parseIfMatch(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.trim().match(/^(?:W\/)?"?(\d{1,9})"?$/);
  return match ? Number(match[1]) : undefined;
}
