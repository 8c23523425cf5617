import type { FastifyInstance } from 'fastify';
import { registerCatalogApi } from '../catalog/routes.ts';
import { registerCatalogPages } from '../catalog/pages/register.tsx';
import { registerStaffPages } from '../staff/pages/register.tsx';
import { registerApiDocs } from './api-docs.tsx';
import { registerHealth } from './health.ts';

/** Every domain's routes, in one list. */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  registerHealth(app);
  registerApiDocs(app);
  registerCatalogApi(app);
  registerCatalogPages(app);
  registerStaffPages(app);
}
