import { Layout } from '../../web/components/layout.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import type { BrandGuideView } from '../save-brand-guides.ts';
import { LookupBox } from './lookup-box.tsx';

/** "Where do I find my type number?": per brand, the plate field and where the plate sits. */
export function PlateGuidePage({ ctx, guides }: { ctx: PageCtx; guides: BrandGuideView[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('lookup.guideTitle')} scripts={['lookup-suggest.js']}>
      <h1>{t('lookup.guideTitle')}</h1>
      <p>{t('lookup.guideIntro')}</p>
      {guides.map((g) => (
        <section key={g.name} aria-labelledby={`brand-${slug(g.name)}`} class="guide">
          <h2 id={`brand-${slug(g.name)}`}>{g.name}</h2>
          <dl class="specs">
            <dt>{t('lookup.field')}</dt>
            <dd>{g.modelField}</dd>
            <dt>{t('lookup.plateVacuum')}</dt>
            <dd>{g.plate.vacuum}</dd>
            <dt>{t('lookup.plateCoffee')}</dt>
            <dd>{g.plate.coffee}</dd>
          </dl>
        </section>
      ))}
      <LookupBox ctx={ctx} />
    </Layout>
  );
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
