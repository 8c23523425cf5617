import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { IMAGE_SIZES, type ImageSize, imageFile } from './images.ts';

const FILE = /^(thumb|medium|large)\.webp$/;

/**
 * Product images: `/images/{id}/{thumb|medium|large}.webp`. An image never changes under its id (a new upload gets
 * a new id), so answers are cached for a year as immutable, with an ETag for revalidation.
 */
export function registerImageRoutes(app: FastifyInstance): void {
  app.get('/images/:id/:file', async (request, reply) => {
    const { id, file } = request.params as { id: string; file: string };
    const size = FILE.exec(file)?.[1] as ImageSize | undefined;
    if (!size || !(size in IMAGE_SIZES) || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('not-found');
    const etag = `"${id}-${size}"`;
    if (request.headers['if-none-match'] === etag) {
      return reply
        .status(304)
        .header('etag', etag)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send();
    }
    const bytes = await imageFile(request.ctx, id, size);
    if (!bytes) throw new AppError('not-found');
    return reply
      .header('content-type', 'image/webp')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag)
      .send(bytes);
  });
}
