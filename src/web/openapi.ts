import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

/** The OpenAPI 3.1 document is generated from the same TypeBox schemas that validate and serialise the API. */
export async function registerOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `${config.shopName} API`,
        version: '1',
        description:
          'The JSON API of a Toonbank shop. Prices are integer cents including VAT. Errors are `{ "error": { "id", "message", "reason"?, "fields"? } }` with a stable machine id.',
      },
      servers: [{ url: config.publicUrl }],
      tags: [
        { name: 'catalog', description: 'Products and categories' },
        {
          name: 'appliances',
          description: 'Appliance lookup by type-plate number, brands and their plate guides',
        },
        { name: 'cart', description: 'Carts without an account' },
        { name: 'checkout', description: 'Placing orders, exactly once per Idempotency-Key' },
        { name: 'system', description: 'Health' },
        {
          name: 'push',
          description: 'Web push: the service worker replacing a subscription its browser changed',
        },
        {
          name: 'account',
          description:
            "The signed-in customer's own data: preferences, customer terms, export and erasure (session cookie)",
        },
      ],
    },
    // shared schemas keep their own names ("Preferences") instead of def-0, def-1, …
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
    hideUntagged: true,
  });
}
