import Handlebars from 'handlebars';
import { isMessageKey, LANGUAGES, type Language, type MessageParam, renderParam, translate } from '../i18n/message';

/** The parts of Handlebars' helper options the `t` helper reads. */
interface TranslateOptions {
  readonly hash: Readonly<Record<string, unknown>>;
  readonly data?: { readonly root?: { readonly lang?: unknown } };
}

/**
 * `{{t "reporting.toc.title"}}`: a catalogue text in the language of the template's root context (`lang`),
 * its placeholders from the hash (`{{t "reporting.index.label" year=editionYear}}`). With `strong=true` each
 * filled value is set in bold. The text is escaped where it is printed; an unknown key or a context without a language is an
 * error, as a missing variable is in strict mode.
 */
export function translateHelper(key: unknown, options: TranslateOptions): string | Handlebars.SafeString {
  const lang = options.data?.root?.lang;
  if (typeof key !== 'string' || !isMessageKey(key)) throw new Error(`No catalogue message "${String(key)}"`);
  if (!LANGUAGES.includes(lang as Language)) throw new Error(`The template context has no language for "${key}"`);
  const { strong, ...hash } = options.hash;
  const params = hash as Record<string, MessageParam>;
  const escape = Handlebars.Utils.escapeExpression;
  // Plain text: Handlebars escapes it where it is printed, and a subexpression passes it on as it is.
  if (strong !== true) return translate(key, lang as Language, params);
  // Placeholders become markers first, so that the text around them is escaped and the values set in bold.
  const markers = Object.fromEntries(Object.keys(params).map((name) => [name, `\uE000${name}\uE000`]));
  const html = escape(translate(key, lang as Language, markers)).replace(
    /\uE000([a-zA-Z0-9]+)\uE000/g,
    (_, name: string) => `<strong>${escape(renderParam(params[name], lang as Language))}</strong>`,
  );
  return new Handlebars.SafeString(html);
}
