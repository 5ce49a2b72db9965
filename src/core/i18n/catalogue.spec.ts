import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { ASSESSMENT_STATES } from '../assessment/assessment-state';
import { STATUS } from '../errors/domain-exception.filter';
import { CONSTRAINT_MESSAGES } from '../http/validation';
import { readQuestionnaireFiles } from '../questionnaire/questionnaire.loader';
import { parseQuestionnaire } from '../questionnaire/questionnaire.parser';
import { catalogue, isMessageKey, type MessageKey } from './message';

const ROOT = join(__dirname, '..', '..', '..');
const PT = catalogue('pt-BR');
const EN = catalogue('en');
const KEYS = Object.keys(PT) as MessageKey[];

/** Common English function words and the engine's frequent terms: none may appear in a Portuguese text. */
const ENGLISH_WORDS = new Set(
  `the and or must is are was were be been being of to with without not field fields value values required
  invalid missing unknown cannot can could should would will has have had this that these those from by at
  on an it its only when which who what each every any after before between into out please try again here
  there yes partly score scores level group groups version edition editions seal seals report priority
  priorities practice practices government governments state states assessment assessments review reviewer
  diagnosis submit submitted approve approved file files user users found number page date name list too
  than then also been`.split(/\s+/),
);

/** Portuguese function words and frequent terms: none may appear in an English text. */
const PORTUGUESE_WORDS = new Set(
  `não é de da das dos para com sem deve devem campo campos valor valores avaliação avaliações em um uma que
  ou ao aos à às na nas nos pelo pela pelos pelas se são está estão foi ser ter tem já só mais menos ainda
  arquivo arquivos governo governos edição edições diagnóstico revisão selo selos prazo itens obrigatório
  inválido inválida desconhecido usuário senha grupo grupos versão questionário resposta respostas
  prioridade prioridades boa boas prática práticas relatório nota índice etapa município municípios região
  faixa habitantes envie aqui`.split(/\s+/),
);

/** Names that keep their language wherever they appear. */
const PROPER_NAMES = ['São Paulo', 'Brasília', 'Selo MigraCidades', 'Relatório de Diagnóstico', 'Brasil'];
const PT_ALLOWED = new Set(['Office', 'OpenDocument', 'Authorization', 'Bearer']);
const PORTUGUESE_LETTERS = /[ãõçáàâêéíóôúÃÕÇÁÀÂÊÉÍÓÔÚ]/;

const withoutPlaceholders = (text: string) => text.replace(/\{[a-zA-Z0-9]+\}/g, ' ');
const withoutNames = (text: string) => PROPER_NAMES.reduce((t, name) => t.replaceAll(name, ' '), text);
/** Words as a person reads them: hyphenated codes such as `diagnosis-in-progress` stay one word. */
const words = (text: string) =>
  withoutPlaceholders(text)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
const placeholders = (text: string) => [...new Set(text.match(/\{[a-zA-Z0-9]+\}/g) ?? [])].sort();

function questionnaireCodes(): { slugs: Set<string>; itemKeys: Set<string> } {
  const dir = join(ROOT, 'assessments');
  const { files } = readQuestionnaireFiles(dir, ROOT);
  const slugs = new Set<string>();
  const itemKeys = new Set<string>();
  for (const f of files) {
    const q = parseQuestionnaire(f.source, { file: f.file, group: f.group, version: f.version });
    slugs.add(q.group);
    for (const item of q.items) itemKeys.add(item.key);
  }
  return { slugs, itemKeys };
}

/**
 * Internal codes a text shows: state keys, group slugs and item keys, field paths (`answers.focal-body`)
 * and camelCase names (`governmentCode`). A one-word code ("approved", "health") is also an English word, so
 * it counts as a code only in the Portuguese text.
 */
function internalCodes(text: string, lang: 'pt-BR' | 'en', codes: Set<string>): string[] {
  const found = words(text).filter((w) => codes.has(w) && (w.includes('-') || lang === 'pt-BR'));
  const stripped = withoutPlaceholders(text).replace(/\/api\/[\w/-]+/g, ' ');
  const paths = stripped.match(/\b[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9-]*\b/g) ?? [];
  const camel = stripped.match(/\b[a-z]+[A-Z][a-zA-Z]*\b/g) ?? [];
  return [...found, ...paths, ...camel];
}

describe('the message catalogues', () => {
  const { slugs, itemKeys } = questionnaireCodes();
  const codes = new Set<string>([...ASSESSMENT_STATES, ...slugs, ...itemKeys]);

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
    const english = words(withoutNames(PT[key])).filter(
      (w) => ENGLISH_WORDS.has(w.toLowerCase()) && !PT_ALLOWED.has(w),
    );
    const en = withoutNames(EN[key]);
    const portuguese = words(en).filter((w) => PORTUGUESE_WORDS.has(w.toLowerCase()));
    const letters = withoutPlaceholders(en).match(new RegExp(PORTUGUESE_LETTERS, 'g')) ?? [];
    expect({ english, portuguese, letters }).toEqual({ english: [], portuguese: [], letters: [] });
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

  it('no file of src/ outside the catalogues carries a pt-BR message literal', () => {
    const offenders = sourceFiles()
      .filter((f) => !EXCLUDED.some((re) => re.test(f)))
      .filter((f) => /['"]pt-BR['"]\s*:/.test(readFileSync(join(ROOT, f), 'utf8')))
      .sort();
    expect(offenders).toEqual([]);
  });
});
