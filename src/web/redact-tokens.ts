/**
 * Path segments that look like random tokens (≥ 20 URL-safe characters mixing upper and lower case, unlike ids
 * and slugs) and `t`/`token` query values become `…`, so request logs never hold a usable one-time link.
 */
export function redactTokens(url: string): string {
  return url
    .replace(/\/(?=[\w.-]*[A-Z])(?=[\w.-]*[a-z])[\w.-]{20,}(?=[/?#]|$)/g, '/…')
    .replace(/([?&](?:t|token)=)[^&#]+/g, '$1…');
}
