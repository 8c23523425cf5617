import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Ctx } from '../../context.ts';
import { type Finder, personalData } from '../../db/personal-data.ts';

/** Whose data: the account, its (normalised) address and its household. */
export type DataSubject = { id: string; email: string; householdId: string | null };

// The registry names tables and columns as data, so the queries here are built over an untyped handle.
// Identifiers still go through Kysely (quoted), values are parameters: no SQL is built from strings.
// biome-ignore lint/suspicious/noExplicitAny: tables and columns come from the registry, checked against the schema there
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: see AnyDb
type AnyEb = ExpressionBuilder<any, any>;

export function anyDb(ctx: Ctx): AnyDb {
  return ctx.db as unknown as AnyDb;
}

/** The condition "this row belongs to `who`" for a table found by `find`. */
export function belongsTo(eb: AnyEb, find: Finder<string>, who: DataSubject): Expression<SqlBool> {
  switch (find.by) {
    case 'self':
      return eb('id', '=', who.id);
    case 'customer':
      return eb(find.column, '=', who.id);
    case 'email':
      return eb(eb.fn('lower', [eb.ref(find.column)]), '=', who.email);
    case 'customer-or-email':
      return eb.or([
        eb(find.column, '=', who.id),
        eb(eb.fn('lower', [eb.ref(find.emailColumn)]), '=', who.email),
      ]);
    case 'order':
      return eb(
        find.column,
        'in',
        eb
          .selectFrom('orders')
          .select('orders.id')
          .where((o) =>
            o.or([
              o('orders.customer_id', '=', who.id),
              o(o.fn('lower', [o.ref('orders.email')]), '=', who.email),
            ]),
          ),
      );
    case 'via': {
      const parent = personalData[find.parent];
      if (!parent.personal) throw new Error(`${find.parent} is not marked personal`);
      return eb(
        find.column,
        'in',
        eb
          .selectFrom(find.parent)
          .select(`${find.parent}.id`)
          .where((p: AnyEb) => belongsTo(p, parent.find as Finder<string>, who)),
      );
    }
    case 'household':
      // a customer without a household matches nothing
      return who.householdId === null ? eb(eb.val(0), '=', 1) : eb(find.column, '=', who.householdId);
  }
}
