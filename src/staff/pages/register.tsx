import type { FastifyInstance } from 'fastify';

/** Admin pages: filled in by the admin work (setup link, login, staff, products, imports). */
export function registerStaffPages(_app: FastifyInstance): void {}
