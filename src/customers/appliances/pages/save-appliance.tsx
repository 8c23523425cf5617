import { CsrfField } from '../../../web/components/csrf-field.tsx';
import type { PageCtx } from '../../../web/page-context.ts';
import type { OrderAppliance } from '../order-appliances.ts';

/** What the lookup result knows about the visitor's saved appliances: null for a guest. */
export type SavedState = { saved: ReadonlyMap<string, string> } | null;

/**
 * "Save to my appliances" on a lookup result: a button for a signed-in customer (with the serial, which fixes the
 * variant), a link to their saved appliance once it is saved, and for a guest a sign-in link that comes back here.
 */
export function SaveAppliance({
  ctx,
  applianceId,
  serial,
  state,
}: {
  ctx: PageCtx;
  applianceId: string;
  serial: string;
  state: SavedState;
}) {
  const { t } = ctx;
  if (state === null) {
    const back = `/a/${applianceId}${serial ? `?serial=${encodeURIComponent(serial)}` : ''}`;
    return (
      <p class="save-appliance">
        <a href={`/account/sign-in?next=${encodeURIComponent(back)}`}>{t('myAppliances.signInToSave')}</a>
      </p>
    );
  }
  const savedId = state.saved.get(applianceId);
  if (savedId)
    return (
      <p class="save-appliance">
        <a href={`/account/appliances/${savedId}`}>{t('myAppliances.saved')}</a>
      </p>
    );
  return (
    <form method="post" action="/account/appliances" class="save-appliance">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="appliance_id" value={applianceId} />
      <input type="hidden" name="serial" value={serial} />
      <input type="hidden" name="source" value="lookup" />
      <button type="submit" class="secondary">
        {t('myAppliances.save')}
      </button>
    </form>
  );
}

/** On the order page of a signed-in customer's order: save the appliances its lines were bought for. */
export function SaveOrderAppliances({ ctx, appliances }: { ctx: PageCtx; appliances: OrderAppliance[] }) {
  const { t } = ctx;
  if (appliances.length === 0) return null;
  return (
    <section aria-labelledby="order-appliances">
      <h2 id="order-appliances">{t('myAppliances.title')}</h2>
      <ul>
        {appliances.map((a) => (
          <li key={a.applianceId}>
            {a.name}{' '}
            {a.savedId ? (
              <a href={`/account/appliances/${a.savedId}`}>
                {t('myAppliances.saved')}
                <span class="sr-only">: {a.name}</span>
              </a>
            ) : (
              <form method="post" action="/account/appliances" class="inline">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="appliance_id" value={a.applianceId} />
                <input type="hidden" name="source" value="order" />
                <button type="submit" class="secondary">
                  {t('myAppliances.save')}
                  <span class="sr-only">: {a.name}</span>
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
