import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { adminCustomer, listCustomers } from './admin-customers.ts';
import { CustomerDetailPage, CustomerListPage } from './pages/customer-pages.tsx';

const PER_PAGE = 50;

/**
 * Customers in the admin: the list with search by e-mail address or name, and one customer's orders, appliances,
 * household, consent ledger and what they allow, in plain words. Staff see; they do not change a customer's
 * preferences here (only the customer does, and every change is in the ledger). /admin/* is guarded by the staff
 * domain.
 */
export function registerCustomerAdmin(app: FastifyInstance): void {
  app.get('/admin/customers', async (request, reply) => {
    const query = request.query as { q?: string; page?: string };
    const q = String(query.q ?? '')
      .trim()
      .slice(0, 100);
    const requested = Number(query.page ?? '1');
    const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
    const list = await listCustomers(request.ctx, q, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    return sendPage(
      reply,
      <CustomerListPage
        ctx={pageCtx(request, app.config)}
        query={q}
        customers={list.items}
        total={list.total}
        page={page}
        pages={Math.max(1, Math.ceil(list.total / PER_PAGE))}
      />,
    );
  });

  app.get('/admin/customers/:id', async (request, reply) => {
    const customer = await adminCustomer(request.ctx, (request.params as { id: string }).id);
    if (!customer) throw new AppError('not-found');
    return sendPage(reply, <CustomerDetailPage ctx={pageCtx(request, app.config)} customer={customer} />);
  });
}
