import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError, type ErrorId, errorMessage } from '../errors.ts';
import { ErrorPage } from './components/error-page.tsx';
import { pageCtx } from './page-context.ts';
import { sendPage } from './render.ts';

/**
 * The one place errors become HTTP: catalogue errors keep their status and message, framework errors are mapped
 * to a catalogue id, anything else is logged and answered with a plain apology and the request id.
 * API paths get JSON `{ error: { id, message, fields? } }`; pages get the error page in the visitor's language.
 */
export function registerErrorHandling(app: FastifyInstance, config: Config): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error);
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      return respond(request, reply, config, 'internal', 500, { requestId: request.id });
    }
    if (appError.status >= 500) request.log.error({ err: error }, appError.id);
    return respond(
      request,
      reply,
      config,
      appError.id,
      appError.status,
      appError.params,
      appError.fields,
      appError.details,
    );
  });

  app.setNotFoundHandler((request, reply) => respond(request, reply, config, 'not-found', 404, {}));
}

function toAppError(error: FastifyError | AppError): AppError | null {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const fields: Record<string, string> = {};
    for (const v of error.validation) {
      const field = (
        v.instancePath || `/${(v.params as { missingProperty?: string }).missingProperty ?? ''}`
      ).slice(1);
      fields[field.replaceAll('/', '.') || 'body'] = v.message ?? 'invalid';
    }
    return new AppError('invalid-input', { reason: error.message }, fields);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('payload-too-large');
  }
  if (
    error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE'
  ) {
    return new AppError('unsupported-media');
  }
  if (error.statusCode === 429) return new AppError('too-many-requests');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('invalid-input', { reason: error.message });
  }
  return null;
}

function respond(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
  id: ErrorId,
  status: number,
  params: Record<string, string>,
  fields?: Record<string, string>,
  details?: Record<string, unknown>,
) {
  const locale = request.locale ?? config.defaultLocale;
  const message = errorMessage(id, locale, { ...params, requestId: request.id });
  if (request.url.startsWith('/api/') || request.url === '/healthz' || !acceptsHtml(request)) {
    return reply.status(status).send({
      error: {
        id,
        message,
        ...(params.reason ? { reason: params.reason } : {}),
        ...(fields ? { fields } : {}),
        ...details,
      },
    });
  }
  if (id === 'customer-login-required' && (request.method === 'GET' || request.method === 'HEAD')) {
    // a page behind the customer's sign-in: go there, and come back afterwards
    return reply.redirect(`/account/sign-in?next=${encodeURIComponent(request.url)}`, 303);
  }
  const ctx = pageCtx(request, config);
  return sendPage(
    reply,
    <ErrorPage ctx={ctx} status={status} message={message} requestId={request.id} fields={fields} />,
    status,
  );
}

function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return !accept || accept.includes('text/html') || accept.includes('*/*');
}
