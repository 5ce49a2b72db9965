import { DomainError } from '../errors/domain-error';
import { type MessageKey, message } from '../i18n/message';
import { COMMON_PASSWORDS } from './common-passwords';

/** The password policy the service enforces on every password a person sets. */
export const PASSWORD_LENGTH = { min: 12, max: 200 } as const;

/** Why a password is refused: its length, being common, repeating itself, or being the person's own name. */
export type PasswordProblem = 'length' | 'common' | 'repetitive' | 'personal';

/** Whose password it is: their e-mail and name are not passwords. */
export interface PasswordOwner {
  readonly email?: string;
  readonly name?: string;
}

/** A repeated unit this short adds nothing ("abcabcabcabc", "121212121212"). */
const SHORT_UNIT = 6;
const LOOK_ALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** Lower-cased, without accents. */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const lettersAndDigits = (text: string) => text.replace(/[^a-z0-9]/g, '');

/** The word a password is built on: the digits and symbols around it stripped, separators and look-alikes undone. */
function cores(password: string): string[] {
  const text = plain(password);
  const stripped = text.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const unLooked = (s: string) => s.replace(/[013457@$]/g, (c) => LOOK_ALIKES[c]);
  const candidates = [text, lettersAndDigits(text), stripped, unLooked(stripped), unLooked(text)];
  return [...new Set(candidates.map((c) => c.replace(/[\s._-]+/g, '')).filter(Boolean))];
}

/** "aaaaaaaaaaab", "abcabcabcabc", "123456789012", "abcdefghijkl", "zyxwvutsrqpo". */
function isRepetitive(password: string): boolean {
  const text = plain(password);
  if (new Set(text).size <= 3) return true;
  for (let unit = 1; unit <= SHORT_UNIT; unit++) {
    if (text.length % unit === 0 && text === text.slice(0, unit).repeat(text.length / unit)) return true;
  }
  const compact = lettersAndDigits(text);
  return compact.length >= PASSWORD_LENGTH.min && (isRun(compact, 1) || isRun(compact, -1));
}

/** Each character the one after (or before) the previous, digits wrapping around (…8, 9, 0, 1…). */
function isRun(text: string, step: 1 | -1): boolean {
  for (let i = 1; i < text.length; i++) {
    const [a, b] = [text[i - 1], text[i]];
    const digits = /\d/.test(a) && /\d/.test(b);
    const next = digits ? String((Number(a) + step + 10) % 10) : String.fromCharCode(a.charCodeAt(0) + step);
    if (b !== next) return false;
  }
  return true;
}

/** The e-mail, its local part and pieces, the name and its words: what someone who knows the person tries first. */
function personalWords(owner: PasswordOwner): Set<string> {
  const email = plain(owner.email ?? '');
  const local = email.split('@')[0] ?? '';
  const name = plain(owner.name ?? '');
  const words = [email, local, ...local.split(/[._+-]/), name, ...name.split(/\s+/)];
  return new Set(words.map(lettersAndDigits).filter((w) => w.length >= 3));
}

/** What is wrong with a password, or null when it may be used. */
export function passwordProblem(password: string, owner: PasswordOwner = {}): PasswordProblem | null {
  if (password.length < PASSWORD_LENGTH.min || password.length > PASSWORD_LENGTH.max) return 'length';
  if (isRepetitive(password)) return 'repetitive';
  const candidates = cores(password);
  const personal = personalWords(owner);
  if (candidates.some((c) => personal.has(c))) return 'personal';
  if (candidates.some((c) => COMMON_PASSWORDS.has(c))) return 'common';
  return null;
}

const PROBLEM_MESSAGES: Record<PasswordProblem, MessageKey> = {
  length: 'auth.password.policy',
  common: 'auth.password.common',
  repetitive: 'auth.password.repetitive',
  personal: 'auth.password.personal',
};

/** Refuses a password against the policy, naming the form's field (`password`, `newPassword`). */
export function requirePasswordPolicy(password: string, owner: PasswordOwner, field = 'password'): void {
  const problem = passwordProblem(password, owner);
  if (!problem) return;
  const text = message(PROBLEM_MESSAGES[problem]);
  throw new DomainError('VALIDATION_FAILED', text, [{ field, code: `password-${problem}`, message: text }]);
}
