import { join } from 'node:path';
import { ASSESSMENT_STATES } from '../../src/core/assessment/assessment-state';
import { readQuestionnaireFiles } from '../../src/core/questionnaire/questionnaire.loader';
import { parseQuestionnaire } from '../../src/core/questionnaire/questionnaire.parser';

/**
 * What a message a person reads must not contain: words of the other language, internal codes (state keys,
 * group slugs, item keys, field paths). Shared by the catalogue spec and the e2e test of real errors.
 */

/** Common English function words and the engine's frequent terms: none may appear in a Portuguese text. */
export const ENGLISH_WORDS = new Set(
  `the and or must is are was were be been being of to with without not field fields value values required
  invalid missing unknown cannot can could should would will has have had this that these those from by at
  on an it its only when which who what each every any after before between into out please try again here
  there yes partly score scores level group groups version edition editions seal seals report priority
  priorities practice practices government governments state states assessment assessments review reviewer
  diagnosis submit submitted approve approved file files user users found number page date name list too
  than then also been`.split(/\s+/),
);

/** Portuguese function words and frequent terms: none may appear in an English text. */
export const PORTUGUESE_WORDS = new Set(
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

export const withoutPlaceholders = (text: string) => text.replace(/\{[a-zA-Z0-9]+\}/g, ' ');
const withoutNames = (text: string) => PROPER_NAMES.reduce((t, name) => t.replaceAll(name, ' '), text);
/** Words as a person reads them: hyphenated codes such as `diagnosis-in-progress` stay one word. */
export const words = (text: string) =>
  withoutPlaceholders(text)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
export const placeholders = (text: string) => [...new Set(text.match(/\{[a-zA-Z0-9]+\}/g) ?? [])].sort();

/**
 * Internal codes a text shows: state keys, group slugs and item keys, field paths (`answers.focal-body`)
 * and camelCase names (`governmentCode`). A one-word code ("approved", "health") is also an English word, so
 * it counts as a code only in the Portuguese text.
 */
export function internalCodes(text: string, lang: 'pt-BR' | 'en', codes: Set<string>): string[] {
  const found = words(text).filter((w) => codes.has(w) && (w.includes('-') || lang === 'pt-BR'));
  const stripped = withoutPlaceholders(text).replace(/\/api\/[\w/-]+/g, ' ');
  const paths = stripped.match(/\b[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9-]*\b/g) ?? [];
  const camel = stripped.match(/\b[a-z]+[A-Z][a-zA-Z]*\b/g) ?? [];
  return [...found, ...paths, ...camel];
}

/** The other language's words (and, in English, Portuguese letters) found in one text of a language. */
export function languageProblems(text: string, lang: 'pt-BR' | 'en'): string[] {
  const plain = withoutNames(text);
  if (lang === 'pt-BR') return words(plain).filter((w) => ENGLISH_WORDS.has(w.toLowerCase()) && !PT_ALLOWED.has(w));
  const portuguese = words(plain).filter((w) => PORTUGUESE_WORDS.has(w.toLowerCase()));
  return [...portuguese, ...(withoutPlaceholders(plain).match(new RegExp(PORTUGUESE_LETTERS, 'g')) ?? [])];
}

/** The codes no message may show: the state keys, and the group slugs and item keys of every questionnaire. */
export function internalCodeSet(): { slugs: Set<string>; itemKeys: Set<string>; codes: Set<string> } {
  const root = join(__dirname, '..', '..');
  const dir = join(root, 'assessments');
  const { files } = readQuestionnaireFiles(dir, root);
  const slugs = new Set<string>();
  const itemKeys = new Set<string>();
  for (const f of files) {
    const q = parseQuestionnaire(f.source, { file: f.file, group: f.group, version: f.version });
    slugs.add(q.group);
    for (const item of q.items) itemKeys.add(item.key);
  }
  return { slugs, itemKeys, codes: new Set<string>([...ASSESSMENT_STATES, ...slugs, ...itemKeys]) };
}
