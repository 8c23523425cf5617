import { CsrfField } from '../../web/components/csrf-field.tsx';
import { Layout } from '../../web/components/layout.tsx';
import type { MessageKey } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { LedgerLine } from '../ledger-text.ts';
import { field } from '../preference-form.ts';
import { type Channel, NON_TRANSACTIONAL_TOPICS, type Preferences } from '../preferences.ts';
import { PreferencesNav } from './preferences-nav.tsx';

export type PreferencesPageProps = {
  ctx: PageCtx;
  prefs: Preferences;
  revision: number;
  /** Channels this shop can send through (others are shown with a hint). */
  offered: readonly Channel[];
  /** After a save: what changed (empty: nothing did). */
  saved?: LedgerLine[];
  /** The order number behind a soft opt-in, when known. */
  softOptInOrder?: string | null;
  notice?: 'stale' | 'invalid';
  errors?: Record<string, MessageKey>;
  /** Submitted text that could not be used (e.g. a wrong time), to show back in its field. */
  raw?: Record<string, string>;
};

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The preference centre: one form, five short sections (channels, topics, how often, when, language), phone
 * first, working without JavaScript. Nothing is ticked in advance; turning something off takes the same steps as
 * turning it on (untick, save), and a soft opt-in has its own one-click "turn off".
 */
export function PreferencesPage(props: PreferencesPageProps) {
  const { ctx, prefs, revision, offered, saved, notice, errors = {}, raw = {} } = props;
  const { t } = ctx;
  const firstChannel = prefs.channels.order.find((c) => prefs.channels.enabled[c]) ?? 'email';
  const err = (name: string) =>
    errors[name] ? (
      <p class="error" id={`${name}-error`}>
        {t(errors[name]!)}
      </p>
    ) : null;
  const described = (name: string, hint?: string) =>
    [errors[name] ? `${name}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;

  return (
    <Layout ctx={ctx} title={t('prefs.title')} noindex>
      <PreferencesNav ctx={ctx} current="/account/preferences" />
      <h1>{t('prefs.heading')}</h1>
      <p>{t('prefs.intro')}</p>
      {saved ? (
        <div class="notice" role="status">
          {saved.length === 0 ? (
            <p>{t('prefs.savedNothing')}</p>
          ) : (
            <>
              <p>{t('prefs.saved')}</p>
              <ul>
                {saved.map((line) => (
                  <li key={line.id}>{line.text}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
      {notice ? (
        <p class="notice error" role="alert">
          {t(notice === 'stale' ? 'prefs.stale' : 'prefs.invalid')}
        </p>
      ) : null}

      <form method="post" action="/account/preferences" class="form" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="revision" value={String(revision)} />
        <input type="hidden" name={field.order} value={prefs.channels.order.join(',')} />
        {/* Enter in any field saves (the first submit button of a form is its default), not a move button */}
        <button type="submit" class="sr-only" tabIndex={-1}>
          {t('prefs.save')}
        </button>

        <fieldset aria-describedby={described('channels', 'channels-hint')}>
          <legend>
            <h2>{t('prefs.channels')}</h2>
          </legend>
          <p class="hint" id="channels-hint">
            {t('prefs.channels.hint')}
          </p>
          {err('channels')}
          <ol>
            {prefs.channels.order.map((c, i) => {
              const name = t(`prefs.channel.${c}`);
              return (
                <li key={c}>
                  <label class="check">
                    <input
                      type="checkbox"
                      name={field.channel(c)}
                      value="on"
                      checked={prefs.channels.enabled[c]}
                      aria-describedby={offered.includes(c) ? undefined : `channel-${c}-hint`}
                    />
                    {name}
                  </label>
                  {offered.includes(c) ? null : (
                    <span class="hint" id={`channel-${c}-hint`}>
                      {' '}
                      {t('prefs.channel.postHint')}
                    </span>
                  )}{' '}
                  {i > 0 ? (
                    <button
                      type="submit"
                      name={field.move}
                      value={`${c}:up`}
                      class="button secondary"
                      aria-label={t('prefs.channel.up', { channel: name })}
                    >
                      ↑
                    </button>
                  ) : null}{' '}
                  {i < prefs.channels.order.length - 1 ? (
                    <button
                      type="submit"
                      name={field.move}
                      value={`${c}:down`}
                      class="button secondary"
                      aria-label={t('prefs.channel.down', { channel: name })}
                    >
                      ↓
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </fieldset>

        <fieldset aria-describedby="topics-hint">
          <legend>
            <h2>{t('prefs.topics')}</h2>
          </legend>
          <p class="hint" id="topics-hint">
            {t('prefs.topics.hint')}
          </p>
          <fieldset aria-describedby="topic-transactional-hint">
            <legend>{t('prefs.topic.transactional')}</legend>
            <p class="hint" id="topic-transactional-hint">
              {t('prefs.topic.transactional.hint')}
            </p>
            <p>{t('prefs.topic.transactional.channel')}</p>
            {offered.map((c) => (
              <label class="check" key={c}>
                <input
                  type="radio"
                  name={field.transactionalChannel}
                  value={c}
                  checked={c === firstChannel}
                />
                {t(`prefs.channel.${c}`)}
              </label>
            ))}
          </fieldset>
          {NON_TRANSACTIONAL_TOPICS.map((topic) => {
            const state = prefs.topics[topic];
            const hintId = `topic-${topic}-hint`;
            return (
              <div class="field" key={topic}>
                {state === 'soft-opt-in' ? (
                  <>
                    <p>
                      <strong>{t(`prefs.topic.${topic}`)}</strong>
                    </p>
                    <p class="hint" id={hintId}>
                      {props.softOptInOrder
                        ? t('prefs.softOptIn', { order: props.softOptInOrder })
                        : t('prefs.softOptInGeneric')}
                    </p>
                    <button type="submit" name={field.turnOff} value={topic} aria-describedby={hintId}>
                      {t('prefs.softOptIn.turnOff')}: {t(`prefs.topic.${topic}`)}
                    </button>
                    <label class="check">
                      <input type="checkbox" name={field.topic(topic)} value="on" />
                      {t('prefs.softOptIn.keep')}
                    </label>
                  </>
                ) : (
                  <>
                    <label class="check">
                      <input
                        type="checkbox"
                        name={field.topic(topic)}
                        value="on"
                        checked={state === 'on'}
                        aria-describedby={hintId}
                      />
                      {t(`prefs.topic.${topic}`)}
                    </label>
                    <p class="hint" id={hintId}>
                      {t(`prefs.topic.${topic}.hint` as MessageKey)}
                    </p>
                  </>
                )}
              </div>
            );
          })}
        </fieldset>

        <fieldset aria-describedby="frequency-hint">
          <legend>
            <h2>{t('prefs.frequency')}</h2>
          </legend>
          <p class="hint" id="frequency-hint">
            {t('prefs.frequency.hint')}
          </p>
          <label class="check">
            <input
              type="radio"
              name={field.frequency}
              value="none"
              checked={!prefs.frequency && !raw[field.frequencyMax]}
            />
            {t('prefs.frequency.none')}
          </label>
          <label class="check">
            <input
              type="radio"
              name={field.frequency}
              value="limit"
              checked={!!prefs.frequency || !!raw[field.frequencyMax]}
            />
            {t('prefs.frequency.limit')}
          </label>
          <div class="row">
            <div class="field">
              <label for="frequency-max">{t('prefs.frequency.max')}</label>
              <input
                id="frequency-max"
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                name={field.frequencyMax}
                value={raw[field.frequencyMax] ?? String(prefs.frequency?.max ?? 2)}
                aria-invalid={errors[field.frequencyMax] ? 'true' : undefined}
                aria-describedby={described(field.frequencyMax)}
              />
              {err(field.frequencyMax)}
            </div>
            <div class="field">
              <label for="frequency-per">{t('prefs.frequency.per')}</label>
              <select id="frequency-per" name={field.frequencyPer}>
                {(['week', 'month'] as const).map((p) => (
                  <option key={p} value={p} selected={(prefs.frequency?.per ?? 'week') === p}>
                    {t(`prefs.frequency.${p}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>

        <fieldset aria-describedby="when-hint">
          <legend>
            <h2>{t('prefs.when')}</h2>
          </legend>
          <p class="hint" id="when-hint">
            {t('prefs.when.hint')}
          </p>
          <label class="check">
            <input
              type="checkbox"
              name={field.quietOn}
              value="on"
              checked={!!prefs.quiet.hours || !!raw[field.quietFrom]}
            />
            {t('prefs.quiet.on')}
          </label>
          <div class="row">
            {(
              [
                [field.quietFrom, 'prefs.quiet.from', prefs.quiet.hours?.from ?? '21:00'],
                [field.quietTo, 'prefs.quiet.to', prefs.quiet.hours?.to ?? '08:00'],
              ] as const
            ).map(([name, label, value]) => (
              <div class="field" key={name}>
                <label for={name}>{t(label)}</label>
                <input
                  id={name}
                  type="time"
                  name={name}
                  value={raw[name] ?? value}
                  aria-invalid={errors[name] ? 'true' : undefined}
                  aria-describedby={described(name)}
                />
                {err(name)}
              </div>
            ))}
          </div>
          <fieldset>
            <legend>{t('prefs.quiet.days')}</legend>
            {DAYS.map((d) => (
              <label class="check" key={d}>
                <input
                  type="checkbox"
                  name={field.quietDay(d)}
                  value="on"
                  checked={prefs.quiet.days.includes(d)}
                />
                {t(`prefs.day.${d}`)}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="time-zone">{t('prefs.timeZone')}</label>
            <select id="time-zone" name={field.timeZone} aria-describedby={described(field.timeZone)}>
              {timeZones(prefs.timeZone).map((z) => (
                <option key={z} value={z} selected={z === prefs.timeZone}>
                  {z.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
            {err(field.timeZone)}
          </div>
        </fieldset>

        <fieldset>
          <legend>
            <h2>{t('prefs.language')}</h2>
          </legend>
          {(['nl', 'en'] as const).map((l) => (
            <label class="check" key={l} lang={l}>
              <input type="radio" name={field.locale} value={l} checked={prefs.locale === l} />
              {t(`prefs.language.${l}`)}
            </label>
          ))}
        </fieldset>

        <p>
          <button type="submit" class="button">
            {t('prefs.save')}
          </button>
        </p>
      </form>

      <h2>{t('prefs.moreLinks')}</h2>
      <ul>
        <li>
          <a href="/account/preferences/history">{t('prefs.historyLink')}</a>
        </li>
        <li>
          <a href="/account/terms">{t('prefs.termsLink')}</a>
        </li>
      </ul>
    </Layout>
  );
}

let zones: string[] | null = null;

/** Every IANA time zone the runtime knows, plus the customer's own when the list lacks it (e.g. "UTC"). */
function timeZones(current: string): string[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}
