import { SaveAppliance, type SavedState } from '../../customers/appliances/pages/save-appliance.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import type { LookupMatch } from '../lookup-matches.ts';
import type { BrandGuideView } from '../save-brand-guides.ts';
import { FittingProducts } from './fitting-products.tsx';

/** One appliance: the serial question when its series differ, then the consumables that fit, each with a cart button. */
export function ApplianceView({
  ctx,
  match,
  guide,
  serial,
  headingLevel,
  promise,
  mine,
}: {
  ctx: PageCtx;
  match: LookupMatch;
  guide: BrandGuideView | undefined;
  serial: string;
  headingLevel: 1 | 2;
  /** The delivery promise for what fits, in words; null when nothing is in stock. */
  promise: string | null;
  /** "Save to my appliances": the visitor's saved appliances (null for a guest); absent where not offered. */
  mine?: SavedState | undefined;
}) {
  const { t } = ctx;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const Sub = headingLevel === 1 ? 'h2' : 'h3';
  return (
    <section class="appliance" aria-labelledby={`appliance-${match.id}`}>
      <Heading id={`appliance-${match.id}`}>
        {match.brand} {match.model}
      </Heading>
      <p class="muted">
        {match.name} · {t(`lookup.category.${match.category}`)}
        {match.variant ? ` · ${t('lookup.variantPicked', { variant: match.variant })}` : ''}
      </p>
      {match.notes ? <p>{match.notes}</p> : null}
      {mine !== undefined ? (
        <SaveAppliance ctx={ctx} applianceId={match.id} serial={match.variant ? serial : ''} state={mine} />
      ) : null}
      {match.needsSerial ? (
        <div class="serial-question">
          <Sub>{t('lookup.serialTitle')}</Sub>
          {serial ? (
            <p role="alert" class="notice error">
              {t('lookup.serialUnknown', { serial })}
            </p>
          ) : null}
          <p>{t('lookup.serialText', { brand: match.brand, model: match.model })}</p>
          <form method="get" action={`/a/${match.id}`} class="serial-form">
            <label for={`serial-${match.id}`}>{t('lookup.serialLabel')}</label>
            <div class="lookup-row">
              <input
                id={`serial-${match.id}`}
                name="serial"
                value={serial}
                maxLength={100}
                autoComplete="off"
                required
              />
              <button type="submit">{t('lookup.serialButton')}</button>
            </div>
          </form>
          {match.variants.length > 0 ? (
            <p class="muted">{t('lookup.series', { list: match.variants.join(', ') })}</p>
          ) : null}
          {guide ? <PlateHint ctx={ctx} guide={guide} category={match.category} /> : null}
        </div>
      ) : null}
      {match.products.length > 0 ? (
        <>
          <Sub>{t('lookup.fits', { brand: match.brand, model: match.model })}</Sub>
          {promise ? <p class="promise">{promise}</p> : null}
          <FittingProducts ctx={ctx} applianceId={match.id} products={match.products} />
        </>
      ) : match.needsSerial ? null : (
        <p>{t('lookup.noProducts')}</p>
      )}
    </section>
  );
}

export function PlateHint({
  ctx,
  guide,
  category,
}: {
  ctx: PageCtx;
  guide: BrandGuideView;
  category: 'vacuum' | 'coffee';
}) {
  const { t } = ctx;
  return (
    <details class="plate-hint">
      <summary>{t('lookup.where')}</summary>
      <dl class="specs">
        <dt>{t('lookup.modelField')}</dt>
        <dd>{guide.modelField}</dd>
        <dt>{t('lookup.plate')}</dt>
        <dd>{guide.plate[category]}</dd>
      </dl>
    </details>
  );
}
