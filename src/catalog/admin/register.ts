import type { FastifyInstance } from 'fastify';
import { registerCategoryRoutes } from './category-routes.tsx';
import { registerImageAdminRoutes } from './image-admin-routes.tsx';
import { registerImportRoutes } from './import-routes.tsx';
import { registerProductRoutes } from './product-routes.tsx';

/** The catalog's admin pages; /admin/* is guarded by the staff domain (staff/guard.ts). */
export function registerCatalogAdmin(app: FastifyInstance): void {
  registerProductRoutes(app);
  registerImageAdminRoutes(app);
  registerCategoryRoutes(app);
  registerImportRoutes(app);
}
