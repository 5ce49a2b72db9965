/**
 * How the report writes in one language: its texts from the catalogue, numbers with the language's decimal
 * mark ("72,5" in pt-BR, "72.5" in English), dates in Brasília time (01/12/2026, 1 Dec 2026).
 */
import {
  formatDate as formatIsoDate,
  type Language,
  type MessageKey,
  type MessageParams,
  translate,
} from '../i18n/message';

export type { Language } from '../i18n/message';

/** Keys that come in a singular (`.one`) and a plural (`.other`) form, named without the suffix. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.one` ? Base : never }[MessageKey];

export const NO_SCORE = '—';

/** The Brasília calendar day of a moment, as YYYY-MM-DD. */
const BRASILIA_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Sao_Paulo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const LOCALES: Record<Language, string> = { 'pt-BR': 'pt-BR', en: 'en-GB' };

export interface ReportWriter {
  readonly lang: Language;
  /** A catalogue text in the report's language. */
  t(key: MessageKey, params?: MessageParams): string;
  /** "1 item pontuado", "3 itens pontuados": the singular or plural form, `{count}` filled. */
  counted(key: PluralKey, count: number, params?: MessageParams): string;
  /** A score with one decimal, "72,5"; "—" where there is none (never 0). */
  score(value: number | null | undefined): string;
  /** A change between editions: "+12,5", "−3,0", "0,0", or "—". */
  change(value: number | null): string;
  integer(value: number): string;
  number(value: number): string;
  /** 01/12/2026 in pt-BR, 1 Dec 2026 in English; "não informado" where there is none. */
  date(value: Date | string | null | undefined): string;
  /** "1 de dezembro de 2026", "1 December 2026". */
  longDate(value: Date | string): string;
  readonly notInformed: string;
  /** "A", "A e B", "A, B e C". */
  list(parts: readonly string[]): string;
}

function writerFor(lang: Language): ReportWriter {
  const locale = LOCALES[lang];
  const score = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const longDate = new Intl.DateTimeFormat(locale, {
    timeZone: 'America/Sao_Paulo',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const t = (key: MessageKey, params: MessageParams = {}) => translate(key, lang, params);
  const notInformed = t('reporting.info.not-informed');
  return {
    lang,
    t,
    counted: (key, count, params = {}) =>
      t(`${key}.${count === 1 ? 'one' : 'other'}` as MessageKey, { ...params, count: integer.format(count) }),
    score: (value) => (value === null || value === undefined ? NO_SCORE : score.format(value)),
    change: (value) => {
      if (value === null) return NO_SCORE;
      const sign = value > 0 ? '+' : value < 0 ? '\u2212' : '';
      return `${sign}${score.format(Math.abs(value))}`;
    },
    integer: (value) => integer.format(value),
    number: (value) => decimal.format(value),
    date: (value) => (value ? formatIsoDate(BRASILIA_DAY.format(new Date(value)), lang) : notInformed),
    longDate: (value) => longDate.format(new Date(value)),
    notInformed,
    list: (parts) =>
      parts.length <= 1
        ? parts.join('')
        : t('reporting.list.last', { first: parts.slice(0, -1).join(', '), last: parts[parts.length - 1] }),
  };
}

const WRITERS: Record<Language, ReportWriter> = { 'pt-BR': writerFor('pt-BR'), en: writerFor('en') };

/** The report's writer for a language, built once per language. */
export const reportWriter = (lang: Language): ReportWriter => WRITERS[lang];

/** A value for a double-quoted CSS string inside a style element (where HTML entities are not decoded). */
export const cssString = (value: string): string =>
  value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);

/**
 * A CSS `content` value from a catalogue text with placeholders for CSS counters: "Página {page} de {pages}"
 * → `"Página " counter(page) " de " counter(pages)`.
 */
export function cssContent(text: string, counters: Readonly<Record<string, string>>): string {
  return text
    .split(/(\{[a-zA-Z0-9]+\})/)
    .filter((part) => part !== '')
    .map((part) => {
      const name = /^\{([a-zA-Z0-9]+)\}$/.exec(part)?.[1];
      return name && name in counters ? `counter(${counters[name]})` : `"${cssString(part)}"`;
    })
    .join(' ');
}
