import type { FastifyInstance } from 'fastify';
import { registerApplianceImportRoutes } from './appliance-import-routes.tsx';
import { registerAppliancePartRoutes } from './appliance-part-routes.tsx';
import { registerApplianceRoutes } from './appliance-routes.tsx';
import { registerBrandRoutes } from './brand-routes.tsx';
import { registerRequestRoutes } from './request-routes.tsx';

/** The appliance registry's admin pages; /admin/* is guarded by the staff domain (staff/guard.ts). */
export function registerApplianceAdmin(app: FastifyInstance): void {
  registerApplianceRoutes(app);
  registerAppliancePartRoutes(app);
  registerBrandRoutes(app);
  registerApplianceImportRoutes(app);
  registerRequestRoutes(app);
}
