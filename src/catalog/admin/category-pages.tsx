import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { ErrorSummary, Notice, TextArea, TextField } from '../../staff/pages/fields.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import type { MessageKey } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { CategoryField, CategoryValues } from './save-category.ts';

export type CategoryRow = { id: string; slug: string; name: string; position: number; productCount: number };

const LABEL: Record<CategoryField, MessageKey> = {
  slug: 'categories.slug',
  nameNl: 'field.nameNl',
  nameEn: 'field.nameEn',
  descriptionNl: 'field.descriptionNl',
  descriptionEn: 'field.descriptionEn',
  position: 'categories.position',
};

/** /admin/categories: every category with its position and number of products. */
export function CategoryListPage({
  ctx,
  categories,
  notice,
}: {
  ctx: PageCtx;
  categories: CategoryRow[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('categories.title')}>
      <h1>{t('categories.title')}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <p>
        <a class="button" href="/admin/categories/new">
          {t('categories.new')}
        </a>
      </p>
      {categories.length === 0 ? (
        <p>{t('categories.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('categories.position')}</th>
                <th scope="col">{t('products.name')}</th>
                <th scope="col">{t('categories.slug')}</th>
                <th scope="col">{t('categories.products')}</th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.id}>
                  <td>{c.position}</td>
                  <td>
                    <a href={`/admin/categories/${c.id}`}>{c.name}</a>
                  </td>
                  <td>
                    <code>{c.slug}</code>
                  </td>
                  <td>{c.productCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

/** Create (id null) or edit a category; errors are already in words, per field. */
export function CategoryFormPage(props: {
  ctx: PageCtx;
  id: string | null;
  values: CategoryValues;
  errors: Partial<Record<CategoryField, string>>;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const title = props.id ? `${t('categories.edit')}: ${values.slug}` : t('categories.new');
  const listed = (Object.keys(errors) as CategoryField[]).map((f) => ({
    id: f,
    label: t(LABEL[f]),
    message: errors[f] ?? '',
  }));
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a href="/admin/categories">{t('categories.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary title={t('admin.errorSummary')} errors={listed} />
      <form
        method="post"
        action={props.id ? `/admin/categories/${props.id}` : '/admin/categories'}
        class="form"
        noValidate
      >
        <CsrfField ctx={ctx} />
        <TextField
          id="slug"
          label={t('categories.slug')}
          hint={t('categories.slugHint')}
          value={values.slug}
          required
          maxLength={80}
          error={errors.slug}
        />
        <div class="row">
          <TextField
            id="nameNl"
            label={t('field.nameNl')}
            value={values.nameNl}
            required
            maxLength={200}
            error={errors.nameNl}
          />
          <TextField
            id="nameEn"
            label={t('field.nameEn')}
            value={values.nameEn}
            required
            maxLength={200}
            error={errors.nameEn}
          />
        </div>
        <TextArea
          id="descriptionNl"
          label={t('field.descriptionNl')}
          value={values.descriptionNl}
          maxLength={5000}
          error={errors.descriptionNl}
        />
        <TextArea
          id="descriptionEn"
          label={t('field.descriptionEn')}
          value={values.descriptionEn}
          maxLength={5000}
          error={errors.descriptionEn}
        />
        <TextField
          id="position"
          label={t('categories.position')}
          hint={t('categories.positionHint')}
          value={values.position}
          inputMode="numeric"
          maxLength={10}
          error={errors.position}
        />
        <p>
          <button type="submit">{t('categories.save')}</button>
        </p>
      </form>
    </AdminLayout>
  );
}
