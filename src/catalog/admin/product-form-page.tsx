import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import {
  CheckField,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../staff/pages/fields.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { formatDate, formatPrice } from '../../web/i18n/format.ts';
import type { MessageKey, Translate } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { ProductForEdit } from './admin-products.ts';
import type { ProductFormError, ProductFormField, ProductFormValues } from './product-form.ts';

/** A form error in words, reusing the CSV import's wording with the field's label in place of the column. */
export function describeFormError(t: Translate, e: ProductFormError): string {
  const params = { column: t(`field.${e.field}` as MessageKey), value: e.value ?? '' };
  if (e.code === 'price') return t('field.price.invalid', params);
  if (e.code === 'sku-taken') return t('field.sku.taken', params);
  return t(`import.code.${e.code}`, params);
}

/** Create or edit a product; on edit also its photos and price history. */
export function ProductFormPage(props: {
  ctx: PageCtx;
  product: ProductForEdit | null;
  values: ProductFormValues;
  errors: ProductFormError[];
  categories: { slug: string; name: string }[];
  notice?: string | undefined;
  imageError?: string | undefined;
}) {
  const { ctx, product, values } = props;
  const { t, locale } = ctx;
  const title = product ? `${t('products.edit')}: ${values.sku}` : t('products.new');
  const firstError = new Map<ProductFormField, string>();
  for (const e of props.errors)
    if (!firstError.has(e.field)) firstError.set(e.field, describeFormError(t, e));
  const err = (f: ProductFormField) => firstError.get(f);
  const text = (
    f: ProductFormField & keyof ProductFormValues,
    extra: {
      hint?: string;
      inputMode?: 'numeric' | 'decimal';
      maxLength?: number;
      required?: boolean;
      readOnly?: boolean;
    } = {},
  ) => (
    <TextField
      id={f}
      label={t(`field.${f}` as MessageKey)}
      value={String(values[f])}
      error={err(f)}
      {...extra}
    />
  );
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a href="/admin/products">{t('products.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <ErrorSummary
        title={t('admin.errorSummary')}
        errors={[...firstError].map(([id, message]) => ({
          id,
          label: t(`field.${id}` as MessageKey),
          message,
        }))}
      />
      {product ? (
        <p>
          <a href={`/p/${product.slug}`}>{t('products.view')}</a>
        </p>
      ) : null}
      {props.categories.length === 0 ? <Notice error>{t('products.noCategories')}</Notice> : null}
      <form
        method="post"
        action={product ? `/admin/products/${product.id}` : '/admin/products'}
        class="form"
        noValidate
      >
        <CsrfField ctx={ctx} />
        {product
          ? text('sku', { hint: t('products.skuFixed'), readOnly: true })
          : text('sku', { required: true, maxLength: 64 })}
        <div class="row">
          {text('nameNl', { required: true, maxLength: 200 })}
          {text('nameEn', { required: true, maxLength: 200 })}
        </div>
        <TextArea
          id="descriptionNl"
          label={t('field.descriptionNl')}
          value={values.descriptionNl}
          maxLength={5000}
          error={err('descriptionNl')}
        />
        <TextArea
          id="descriptionEn"
          label={t('field.descriptionEn')}
          value={values.descriptionEn}
          maxLength={5000}
          error={err('descriptionEn')}
        />
        <SelectField
          id="categorySlug"
          label={t('field.categorySlug')}
          value={values.categorySlug}
          required
          error={err('categorySlug')}
          options={[
            { value: '', label: '—' },
            ...props.categories.map((c) => ({ value: c.slug, label: c.name })),
          ]}
        />
        <div class="row">
          {text('price', {
            required: true,
            inputMode: 'decimal',
            hint: t('products.priceHint'),
            maxLength: 20,
          })}
          <SelectField
            id="vatRate"
            label={t('field.vatRate')}
            value={values.vatRate}
            error={err('vatRate')}
            options={['21', '9', '0'].map((v) => ({ value: v, label: `${v}%` }))}
          />
        </div>
        <div class="row">
          {text('stock', { required: true, inputMode: 'numeric', maxLength: 10 })}
          {text('weightGrams', { required: true, inputMode: 'numeric', maxLength: 10 })}
        </div>
        <div class="row">
          {text('lengthMm', { inputMode: 'numeric', hint: t('products.dimensionsHint'), maxLength: 10 })}
          {text('widthMm', { inputMode: 'numeric', hint: t('products.dimensionsHint'), maxLength: 10 })}
          {text('heightMm', { inputMode: 'numeric', hint: t('products.dimensionsHint'), maxLength: 10 })}
        </div>
        <CheckField
          id="mailboxFit"
          label={t('field.mailboxFit')}
          checked={values.mailboxFit}
          error={err('mailboxFit')}
        />
        <CheckField id="active" label={t('field.active')} checked={values.active} error={err('active')} />
        <p>
          <button type="submit">{product ? t('products.save') : t('products.create')}</button>
        </p>
      </form>
      {product ? <ProductImages ctx={ctx} product={product} error={props.imageError} /> : null}
      {product ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('products.history')}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('products.historySince')}</th>
                  <th scope="col">{t('products.price')}</th>
                </tr>
              </thead>
              <tbody>
                {product.priceHistory.map((h) => (
                  <tr key={h.validFrom}>
                    <td>{formatDate(h.validFrom, locale, ctx.timeZone, true)}</td>
                    <td>{formatPrice(h.priceCents, locale, ctx.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </AdminLayout>
  );
}

function ProductImages({
  ctx,
  product,
  error,
}: {
  ctx: PageCtx;
  product: ProductForEdit;
  error?: string | undefined;
}) {
  const { t } = ctx;
  const base = `/admin/products/${product.id}/images`;
  return (
    <section aria-labelledby="images-title">
      <h2 id="images-title">{t('images.title')}</h2>
      {product.images.length === 0 ? <p>{t('images.none')}</p> : null}
      {product.images.length > 0 ? (
        <ol class="grid">
          {product.images.map((image, i) => {
            const n = i + 1;
            return (
              <li key={image.id} class="card">
                <img
                  src={`/images/${image.id}/thumb.webp`}
                  alt={image.altNl || t('images.image', { n })}
                  width={160}
                  height={Math.round((160 * image.height) / Math.max(image.width, 1))}
                />
                <form method="post" action={`${base}/${image.id}/alt`} class="form">
                  <CsrfField ctx={ctx} />
                  <TextField
                    id={`alt-nl-${image.id}`}
                    name="altNl"
                    label={t('images.altNl')}
                    value={image.altNl}
                    maxLength={300}
                  />
                  <TextField
                    id={`alt-en-${image.id}`}
                    name="altEn"
                    label={t('images.altEn')}
                    value={image.altEn}
                    maxLength={300}
                  />
                  <button type="submit" class="secondary">
                    {t('images.saveAlt')}
                  </button>
                </form>
                <form method="post" action={`${base}/${image.id}/move`}>
                  <CsrfField ctx={ctx} />
                  <button
                    type="submit"
                    name="direction"
                    value="up"
                    class="secondary"
                    aria-label={t('images.upLabel', { n })}
                    disabled={i === 0}
                  >
                    {t('images.up')}
                  </button>{' '}
                  <button
                    type="submit"
                    name="direction"
                    value="down"
                    class="secondary"
                    aria-label={t('images.downLabel', { n })}
                    disabled={i === product.images.length - 1}
                  >
                    {t('images.down')}
                  </button>
                </form>
                <form method="post" action={`${base}/${image.id}/delete`}>
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="danger" aria-label={t('images.deleteLabel', { n })}>
                    {t('images.delete')}
                  </button>
                </form>
              </li>
            );
          })}
        </ol>
      ) : null}
      <form method="post" action={base} enctype="multipart/form-data" class="form">
        <CsrfField ctx={ctx} />
        {error ? (
          <div class="notice error" role="alert" tabIndex={-1} id="image-file-error">
            {error}
          </div>
        ) : null}
        <div class="field">
          <label for="image-file">{t('images.file')}</label>
          <input
            id="image-file"
            name="file"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
            required
            aria-describedby={error ? 'image-file-hint image-file-error' : 'image-file-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
          <p class="hint" id="image-file-hint">
            {t('images.fileHint')}
          </p>
        </div>
        <TextField id="image-alt-nl" name="altNl" label={t('images.altNl')} maxLength={300} />
        <TextField id="image-alt-en" name="altEn" label={t('images.altEn')} maxLength={300} />
        <p>
          <button type="submit">{t('images.upload')}</button>
        </p>
      </form>
    </section>
  );
}
