import type { Ctx } from '../../context.ts';

/** A "we'll find it for you" request as staff see it; the photo itself is served separately. */
export type RequestView = {
  id: string;
  query: string;
  serial: string;
  email: string;
  locale: string;
  hasPhoto: boolean;
  status: 'open' | 'answered';
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  createdAt: string;
  appliance: { id: string; brand: string; model: string } | null;
};

function base(ctx: Ctx) {
  return ctx.db
    .selectFrom('lookup_requests')
    .leftJoin('appliances', 'appliances.id', 'lookup_requests.appliance_id')
    .leftJoin('brands', 'brands.id', 'appliances.brand_id')
    .leftJoin('staff', 'staff.id', 'lookup_requests.answered_by')
    .select((eb) => [
      'lookup_requests.id',
      'lookup_requests.query',
      'lookup_requests.serial',
      'lookup_requests.email',
      'lookup_requests.locale',
      'lookup_requests.status',
      'lookup_requests.answer',
      'lookup_requests.answered_at',
      'lookup_requests.created_at',
      'lookup_requests.appliance_id',
      'appliances.model',
      'brands.name as brand',
      'staff.name as staff_name',
      eb('lookup_requests.photo', 'is not', null).as('has_photo'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function present(r: Row): RequestView {
  return {
    id: r.id,
    query: r.query,
    serial: r.serial,
    email: r.email,
    locale: r.locale,
    hasPhoto: Boolean(Number(r.has_photo)),
    status: r.status,
    answer: r.answer,
    answeredBy: r.staff_name ?? null,
    answeredAt: r.answered_at,
    createdAt: r.created_at,
    appliance:
      r.appliance_id && r.model ? { id: r.appliance_id, brand: r.brand ?? '', model: r.model } : null,
  };
}

/** The queue: every open request, oldest first, then the latest answered ones. */
export async function listRequests(
  ctx: Ctx,
  limits = { open: 500, answered: 50 },
): Promise<{ open: RequestView[]; answered: RequestView[] }> {
  const [open, answered] = await Promise.all([
    base(ctx)
      .where('lookup_requests.status', '=', 'open')
      .orderBy('lookup_requests.created_at')
      .limit(limits.open)
      .execute(),
    base(ctx)
      .where('lookup_requests.status', '=', 'answered')
      .orderBy('lookup_requests.answered_at', 'desc')
      .limit(limits.answered)
      .execute(),
  ]);
  return { open: open.map(present), answered: answered.map(present) };
}

export async function requestForStaff(ctx: Ctx, id: string): Promise<RequestView | null> {
  const r = await base(ctx).where('lookup_requests.id', '=', id).executeTakeFirst();
  return r ? present(r) : null;
}

/** How many requests wait for an answer, for the admin home. */
export async function countOpenRequests(ctx: Ctx): Promise<number> {
  const r = await ctx.db
    .selectFrom('lookup_requests')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The stored type-plate photo (WebP, metadata stripped on the way in), or null. */
export async function requestPhoto(ctx: Ctx, id: string): Promise<{ bytes: Buffer; type: string } | null> {
  const r = await ctx.db
    .selectFrom('lookup_requests')
    .select(['photo', 'photo_type'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r?.photo || !r.photo_type) return null;
  return { bytes: Buffer.from(r.photo), type: r.photo_type };
}
