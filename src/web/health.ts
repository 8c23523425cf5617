import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';

/** Liveness and readiness in one: answers 200 only when the database answers. */
export function registerHealth(app: FastifyInstance): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Health check',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }),
        },
      },
    },
    async (request, reply) => {
      const database = request.ctx.config.databaseUrl.startsWith('postgres') ? 'postgres' : 'sqlite';
      try {
        await sql`select 1`.execute(request.ctx.db);
        return { status: 'ok' as const, database };
      } catch (err) {
        request.log.error({ err }, 'health check failed');
        return reply.status(503).send({ status: 'unavailable' as const, database });
      }
    },
  );
}
