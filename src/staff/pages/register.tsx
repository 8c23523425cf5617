import type { FastifyInstance } from 'fastify';
import { registerAccountRoutes } from '../account-routes.tsx';
import { registerAdminGuard } from '../guard.ts';
import { registerStaffRoutes } from '../staff-routes.tsx';

/** The admin's own pages: the /admin guard, setup link, login and logout, invitations and staff management. */
export function registerStaffPages(app: FastifyInstance): void {
  registerAdminGuard(app);
  registerAccountRoutes(app);
  registerStaffRoutes(app);
}
