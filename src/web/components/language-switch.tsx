import { type PageCtx, withLang } from '../page-context.ts';

/** The link to this same page in the other language, named in that language (so a screen reader says it right). */
export function LanguageSwitch({ ctx }: { ctx: PageCtx }) {
  const { t, locale } = ctx;
  const other = locale === 'nl' ? 'en' : 'nl';
  return (
    <a class="lang" href={withLang(ctx.url, other)} hreflang={other} lang={other}>
      <span class="sr-only">{t('layout.language')}: </span>
      {t('layout.switchTo')}
    </a>
  );
}
