import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Locale } from '../config.ts';

/**
 * The HTML of an e-mail: the one document every template shares (doctype, the message's language, UTF-8, the
 * subject as its title) around the template's own body. Text in `body` is escaped like any rendered text;
 * `withFooter` (templates/footer.tsx) then adds the footer links before `</body>`.
 */
export function mailDocument(locale: Locale, subject: string, body: ComponentChildren): string {
  return `<!doctype html>${renderToString(
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
      </head>
      <body>{body}</body>
    </html>,
  )}`;
}
