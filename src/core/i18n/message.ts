import type { LocalizedText } from './localized-text';
import { EN } from './catalogue/en';
import { PT_BR, type MessageKey } from './catalogue/pt-BR';

export type { MessageKey } from './catalogue/pt-BR';
export type Language = keyof LocalizedText;
export const LANGUAGES: readonly Language[] = ['pt-BR', 'en'];

/**
 * A value put into a message: text and numbers as they are (numbers with the language's decimal mark),
 * a localized text in the message's own language, a date (`YYYY-MM-DD` or ISO) in the language's format,
 * a change with its sign (`{ signed: 2.5 }` → "+2,5"), or a list of values joined.
 */
export type MessageParam =
  | string
  | number
  | null
  | undefined
  | LocalizedText
  | { readonly date: string }
  | { readonly signed: number }
  | { readonly list: readonly MessageParam[] };

export type MessageParams = Readonly<Record<string, MessageParam>>;

const CATALOGUES: Record<Language, Readonly<Record<MessageKey, string>>> = { 'pt-BR': PT_BR, en: EN };

const isLocalized = (p: object): p is LocalizedText => 'pt-BR' in p && 'en' in p;

/** 2026-12-01 → 01/12/2026 in pt-BR, 1 Dec 2026 in English; a full timestamp keeps its UTC date. */
export function formatDate(value: string, lang: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [, y, mo, d] = match;
  if (lang === 'pt-BR') return `${d}/${mo}/${y}`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(mo) - 1];
  return `${Number(d)} ${month} ${y}`;
}

// Built once: a formatter costs far more to make than to use, and scoring renders numbers for every item.
const NUMBER_FORMATS: Record<Language, Intl.NumberFormat> = {
  'pt-BR': new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 2, useGrouping: false }),
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 2, useGrouping: false }),
};

/** 84.1 → "84,1" in pt-BR; whole numbers keep no grouping so that years read as years. */
export function formatNumber(value: number, lang: Language): string {
  return NUMBER_FORMATS[lang].format(value);
}

export function renderParam(p: MessageParam, lang: Language): string {
  if (p === null || p === undefined) return '—';
  if (typeof p === 'number') return formatNumber(p, lang);
  if (typeof p === 'string') return p;
  if ('date' in p) return formatDate(p.date, lang);
  if ('signed' in p) return `${p.signed > 0 ? '+' : ''}${formatNumber(p.signed, lang)}`;
  if ('list' in p) return p.list.map((x) => renderParam(x, lang)).join(', ');
  if (isLocalized(p)) return p[lang];
  return String(p);
}

/** One language's text of a catalogue message, its `{name}` placeholders filled. */
export function translate(key: MessageKey, lang: Language, params: MessageParams = {}): string {
  return CATALOGUES[lang][key].replace(/\{([a-zA-Z0-9]+)\}/g, (whole, name: string) =>
    name in params ? renderParam(params[name], lang) : whole,
  );
}

/** A message from the catalogues, in both languages: what errors, e-mails and pages carry. */
export function message(key: MessageKey, params: MessageParams = {}): LocalizedText {
  return { 'pt-BR': translate(key, 'pt-BR', params), en: translate(key, 'en', params) };
}

/** The raw catalogue of a language, for the test that walks every message. */
export function catalogue(lang: Language): Readonly<Record<MessageKey, string>> {
  return CATALOGUES[lang];
}

/** Localized texts joined language by language (a sentence and the optional ones that follow it). */
export function joinTexts(parts: readonly LocalizedText[], separator = ' '): LocalizedText {
  return {
    'pt-BR': parts.map((p) => p['pt-BR']).join(separator),
    en: parts.map((p) => p.en).join(separator),
  };
}

/** Whether a string is a catalogue key (e.g. a validation decorator's `message`). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(PT_BR, value);
}

/** A text that reads the same in every language: a name, an acronym (PDF), a number already formatted. */
export function verbatim(text: string): LocalizedText {
  return { 'pt-BR': text, en: text };
}
