import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { STATUS } from '../errors/domain-exception.filter';
import { CONSTRAINT_MESSAGES } from '../http/validation';
import { catalogue, isMessageKey, type MessageKey } from './message';
import {
  ENGLISH_WORDS,
  PORTUGUESE_WORDS,
  internalCodes,
  internalCodeSet,
  languageProblems,
  placeholders,
  words,
} from '../../../test/support/language-check';

const ROOT = join(__dirname, '..', '..', '..');
const PT = catalogue('pt-BR');
const EN = catalogue('en');
const KEYS = Object.keys(PT) as MessageKey[];

describe('the message catalogues', () => {
  const { slugs, itemKeys, codes } = internalCodeSet();

  it('hold the same keys in both languages', () => {
    expect(Object.keys(EN).sort()).toEqual([...KEYS].sort());
    expect(KEYS.length).toBeGreaterThan(100);
  });

  it('read the questionnaires under assessments/ for the codes to look for', () => {
    expect(slugs.has('governance')).toBe(true);
    expect(itemKeys.has('focal-body')).toBe(true);
  });

  it.each(KEYS)('%s: the same placeholders in both languages', (key) => {
    expect(placeholders(EN[key])).toEqual(placeholders(PT[key]));
  });

  it.each(KEYS)('%s: Portuguese only in pt-BR, English only in en', (key) => {
    expect({ pt: languageProblems(PT[key], 'pt-BR'), en: languageProblems(EN[key], 'en') }).toEqual({ pt: [], en: [] });
  });

  it.each(KEYS)('%s: no internal codes (state keys, group slugs, item keys, field paths)', (key) => {
    expect({ pt: internalCodes(PT[key], 'pt-BR', codes), en: internalCodes(EN[key], 'en', codes) }).toEqual({
      pt: [],
      en: [],
    });
  });

  it('the checks themselves catch what the issue observed', () => {
    const observedPt = 'texto curto demais (commitment must be longer than or equal to 20 characters)';
    expect(words(observedPt).filter((w) => ENGLISH_WORDS.has(w))).toEqual(['must', 'be', 'than', 'or', 'to']);
    expect(internalCodes('é preciso estar em: diagnosis-in-progress', 'pt-BR', codes)).toEqual([
      'diagnosis-in-progress',
    ]);
    expect(internalCodes('responda answers.focal-body', 'pt-BR', codes)).toEqual(['focal-body', 'answers.focal-body']);
    expect(words('the file de um tipo').filter((w) => PORTUGUESE_WORDS.has(w))).toEqual(['de', 'um']);
  });
});

describe('every error code', () => {
  const codes = Object.keys(STATUS);

  it.each(codes)('%s has an HTTP status and a general message in both languages', (code) => {
    expect(STATUS[code as keyof typeof STATUS]).toBeGreaterThanOrEqual(400);
    expect(STATUS[code as keyof typeof STATUS]).toBeLessThan(600);
    const key = `error.${code}` as MessageKey;
    expect(isMessageKey(key)).toBe(true);
    expect([PT[key]?.length > 0, EN[key]?.length > 0]).toEqual([true, true]);
  });
});

/** Every TypeScript file of src/, with its path relative to the repository. */
function sourceFiles(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

describe('every validation constraint the DTOs use', () => {
  it('has a message of its own in the catalogue', async () => {
    for (const file of sourceFiles().filter((f) => f.endsWith('.dto.ts'))) await import(join(ROOT, file));
    // class-validator keeps every decorator's metadata in one store; walk it all.
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, { name?: string; type: string; message?: unknown }[]>;
    };
    const used = new Set<string>();
    for (const list of storage.validationMetadatas.values()) {
      for (const m of list) {
        if (typeof m.message === 'string' && isMessageKey(m.message)) continue;
        const code = m.type === 'customValidation' ? m.name : m.type;
        if (code && !['conditionalValidation', 'whitelistValidation'].includes(code)) used.add(code);
      }
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((c) => !(c in CONSTRAINT_MESSAGES))).toEqual([]);
  });
});

/**
 * Messages live in the catalogues: no file of src/ writes a `'pt-BR':` literal of its own. Left out: the
 * i18n module itself, unit specs (fixtures), the indicator groups' recommendations (content, like the
 * questionnaires), and the seeds and benchmarks (demonstration data and operator output).
 */
describe('inline messages', () => {
  const EXCLUDED = [
    /^src\/core\/i18n\//,
    /\.spec\.ts$/,
    /^src\/indicators\/.+\.recommendations\.ts$/,
    /^src\/seed\//,
    /^src\/bench\//,
  ];

  /**
   * A pt-BR text written in place (`{ 'pt-BR': 'Texto', en: 'Text' }`, over one or more lines), or a helper
   * that makes one (`const text = (pt, en) => ({ 'pt-BR': pt, en })`). A map keyed by language whose values
   * are locale codes or functions (`{ 'pt-BR': 'pt-BR', en: 'en-GB' }`) is not a message.
   */
  const INLINE_MESSAGE = [/['"]pt-BR['"]\s*:\s*(?!['"][a-z]{2}(-[A-Z]{2})?['"])['"`]/, /=>\s*\(\{\s*['"]pt-BR['"]\s*:/];

  it('tells a message written in place from a map keyed by language', () => {
    const inline = (source: string) => INLINE_MESSAGE.some((re) => re.test(source));
    expect(inline("{ 'pt-BR': 'Arquivo não encontrado.', en: 'File not found.' }")).toBe(true);
    expect(inline("{\n  'pt-BR':\n    `Versão ${v}`,")).toBe(true);
    expect(inline("const text = (pt: string, en: string) => ({ 'pt-BR': pt, en });")).toBe(true);
    expect(inline("const LOCALES = { 'pt-BR': 'pt-BR', en: 'en-GB' };")).toBe(false);
    expect(inline("const WRITERS = { 'pt-BR': writerFor('pt-BR'), en: writerFor('en') };")).toBe(false);
  });

  it('no file of src/ outside the catalogues carries a pt-BR message literal', () => {
    const offenders = sourceFiles()
      .filter((f) => !EXCLUDED.some((re) => re.test(f)))
      .filter((f) => INLINE_MESSAGE.some((re) => re.test(readFileSync(join(ROOT, f), 'utf8'))))
      .sort();
    expect(offenders).toEqual([]);
  });
});
