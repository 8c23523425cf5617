import type { Ctx } from '../../context.ts';
import { normaliseModel } from '../normalise-model.ts';

/**
 * Records which appliance a customer's request turned out to be, so the request page shows it and the answer
 * can point to it. With `alias`, that text is also added as an alias of the appliance (when it is not one
 * yet), so the number the customer typed finds it from now on; the caller refreshes the lookup. One
 * transaction (the caller's, when ctx holds one). False when the request or the appliance does not exist.
 */
export async function linkRequest(
  ctx: Ctx,
  input: { requestId: string; applianceId: string; alias?: string | undefined },
): Promise<boolean> {
  const run = async (trx: Ctx['db']): Promise<boolean> => {
    const appliance = await trx
      .selectFrom('appliances')
      .select(['id', 'model_norm'])
      .where('id', '=', input.applianceId)
      .executeTakeFirst();
    if (!appliance) return false;
    const r = await trx
      .updateTable('lookup_requests')
      .set({ appliance_id: input.applianceId })
      .where('id', '=', input.requestId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    const alias = input.alias?.trim() ?? '';
    const norm = normaliseModel(alias);
    if (norm !== '' && norm !== appliance.model_norm && alias.length <= 100) {
      await trx
        .insertInto('appliance_aliases')
        .values({ appliance_id: input.applianceId, alias, alias_norm: norm })
        .onConflict((oc) => oc.columns(['appliance_id', 'alias_norm']).doNothing())
        .execute();
    }
    return true;
  };
  return ctx.db.isTransaction ? run(ctx.db) : ctx.db.transaction().execute(run);
}
