/** Characters no text can hold: PostgreSQL's jsonb refuses NUL and unpaired surrogates, and they are no writing. */
// eslint-disable-next-line no-control-regex -- NUL is the character looked for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a text holds a character no text can hold (NUL, a lone surrogate). */
export const hasUnstorableCharacter = (text: string): boolean => UNSTORABLE.test(text);
