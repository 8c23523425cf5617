import { LookupBox } from '../../appliances/pages/lookup-box.tsx';
import { Layout } from '../../web/components/layout.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import type { CategoryView } from '../queries.ts';

export function HomePage({ ctx, categories }: { ctx: PageCtx; categories: CategoryView[] }) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={ctx.shopName}
      description={t('home.intro')}
      categories={categories}
      scripts={['lookup-suggest.js']}
    >
      <LookupBox ctx={ctx} headline />
      <section class="hero">
        <h2>{t('home.title')}</h2>
        <p>{t('home.intro')}</p>
      </section>
      <section aria-labelledby="cats-heading">
        <h2 id="cats-heading">{t('home.categories')}</h2>
        <ul class="category-tiles">
          {categories.map((c) => (
            <li key={c.slug}>
              <a href={`/c/${c.slug}`}>
                <strong>{c.name}</strong>
                <span>{c.description}</span>
                <span class="muted">{t('home.productsIn', { count: c.productCount })}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
