import { formatPrice } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { LookupMatch } from '../lookup-matches.ts';

/** What a customer who finds this appliance sees (no serial given): the products, or the question for the serial. */
export function StorefrontPreview({ ctx, match }: { ctx: PageCtx; match: LookupMatch | null }) {
  const { t, locale } = ctx;
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t('applianceAdmin.preview')}</h2>
      {match ? (
        <>
          {match.needsSerial ? <p>{t('applianceAdmin.previewNeedsSerial')}</p> : null}
          {match.notes ? <p class="muted">{match.notes}</p> : null}
          {match.products.length === 0 ? (
            <p>{t('applianceAdmin.previewNone')}</p>
          ) : (
            <ul>
              {match.products.map((p) => (
                <li key={p.sku}>
                  {p.name} ({p.sku}) — {formatPrice(p.priceCents, locale, ctx.currency)},{' '}
                  {p.inStock ? t('applianceAdmin.inStock') : t('applianceAdmin.outOfStock')}
                  {p.note ? ` — ${p.note}` : ''}
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href={`/a/${match.id}`}>{t('applianceAdmin.viewInShop')}</a>
          </p>
        </>
      ) : (
        <p>{t('applianceAdmin.previewNone')}</p>
      )}
    </section>
  );
}
