import type { FastifyInstance } from 'fastify';
import { registerApplianceAdmin } from '../appliances/admin/register.ts';
import { registerLookupPages } from '../appliances/pages/register.tsx';
import { registerApplianceApi } from '../appliances/routes.ts';
import { registerCatalogAdmin } from '../catalog/admin/register.ts';
import { registerImageRoutes } from '../catalog/image-routes.ts';
import { registerCatalogPages } from '../catalog/pages/register.tsx';
import { registerCatalogApi } from '../catalog/routes.ts';
import { registerOutboxAdmin } from '../messaging/admin/register-outbox.tsx';
import { registerOrderAdmin } from '../orders/admin/register.tsx';
import { registerCartPages } from '../orders/pages/register.tsx';
import { registerOrderPages } from '../orders/pages/register-order-page.tsx';
import { registerCheckout } from '../orders/register-checkout.ts';
import { registerCartApi } from '../orders/routes.ts';
import { registerPayments } from '../payments/routes.ts';
import { registerStaffPages } from '../staff/pages/register.tsx';
import { registerApiDocs } from './api-docs.tsx';
import { registerHealth } from './health.ts';

/** Every domain's routes, in one list. */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  registerHealth(app);
  registerApiDocs(app);
  registerCatalogApi(app);
  registerApplianceApi(app);
  registerCatalogPages(app);
  registerLookupPages(app);
  registerCartApi(app);
  registerCartPages(app);
  registerCheckout(app);
  registerPayments(app);
  registerOrderPages(app);
  registerStaffPages(app);
  registerCatalogAdmin(app);
  registerApplianceAdmin(app);
  registerImageRoutes(app);
  registerOutboxAdmin(app);
  registerOrderAdmin(app);
}
