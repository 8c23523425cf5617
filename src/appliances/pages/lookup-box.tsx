import type { PageCtx } from '../../web/page-context.ts';

/**
 * The lookup box: a plain GET form that works without JavaScript. With JavaScript, /assets/lookup-suggest.js
 * turns the input into a combobox that suggests as you type (see that file).
 */
export function LookupBox({ ctx, query, headline }: { ctx: PageCtx; query?: string; headline?: boolean }) {
  const { t } = ctx;
  return (
    <form
      class="lookup"
      role="search"
      aria-label={t('lookup.button')}
      action="/lookup"
      method="get"
      data-lookup-suggest
      data-lang={ctx.locale}
    >
      {headline ? (
        <h1 class="lookup-label">
          <label for="lookup-q">{t('lookup.label')}</label>
        </h1>
      ) : (
        <label for="lookup-q" class="lookup-label">
          {t('lookup.label')}
        </label>
      )}
      <p id="lookup-hint" class="hint">
        {t('lookup.hint')}
      </p>
      <div class="lookup-row">
        <input
          id="lookup-q"
          type="search"
          name="q"
          value={query ?? ''}
          maxLength={100}
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          aria-describedby="lookup-hint"
          required
        />
        <button type="submit">{t('lookup.button')}</button>
      </div>
      <p class="where">
        <a href="/typeplaatje">{t('lookup.where')}</a>
      </p>
    </form>
  );
}
