import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/**
 * Declares routes that take multipart forms (file uploads) in a scope of their own, the only place
 * `@fastify/multipart` is registered: its parser and hooks then cost nothing on every other request. Fields and
 * files land on `request.body` (read them with `formField` and `formFile`), after the app-wide `onRequest` hooks
 * (the /admin guard refuses an anonymous upload before it is read). A multipart post to any other route is
 * refused with 415.
 */
export function registerUploadRoutes(app: FastifyInstance, routes: (scope: FastifyInstance) => void): void {
  app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: true,
      limits: { fileSize: 50 * 1024 * 1024, files: 1 },
    });
    routes(scope);
  });
}
