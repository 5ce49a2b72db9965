import Ajv, { type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import schema from './questionnaire.schema.json';
import { type DefinitionProblem, QuestionnaireDefinitionError } from './questionnaire-definition.error';
import {
  NOT_APPLICABLE,
  type Questionnaire,
  type QuestionnaireItem,
  YES_PARTIAL_NO_VALUES,
} from './questionnaire.types';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validateShape = ajv.compile(schema);

const CHOICE_TYPES = new Set(['single-choice', 'multiple-choice']);
const DEFAULT_TEXT_MAX_LENGTH = 5000;

/** Where a file is expected to sit: its folder names the group, its name the version. */
export interface QuestionnaireLocation {
  readonly file: string;
  readonly group: string;
  readonly version: number;
}

/**
 * Parses and validates one questionnaire file. Pure: the caller reads the file. Throws a
 * QuestionnaireDefinitionError listing every problem found, each with the item key when there is one.
 */
export function parseQuestionnaire(source: string, at: QuestionnaireLocation): Questionnaire {
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new QuestionnaireDefinitionError(
      doc.errors.map((e) => ({ file: at.file, problem: `YAML syntax: ${e.message.split('\n')[0]}` })),
    );
  }
  const raw: unknown = doc.toJS();
  if (!validateShape(raw)) {
    throw new QuestionnaireDefinitionError((validateShape.errors ?? []).map((e) => shapeProblem(e, raw, at.file)));
  }
  const questionnaire = normalise(raw as RawQuestionnaire);
  const problems = checkRules(questionnaire, at);
  if (problems.length > 0) throw new QuestionnaireDefinitionError(problems);
  return questionnaire;
}

type RawItem = Omit<QuestionnaireItem, 'evidence' | 'allowNotApplicable' | 'required'> &
  Partial<Pick<QuestionnaireItem, 'evidence' | 'allowNotApplicable' | 'required'>>;
type RawQuestionnaire = Omit<Questionnaire, 'items' | 'publishedAt'> & {
  items: RawItem[];
  publishedAt: string;
};

function normalise(raw: RawQuestionnaire): Questionnaire {
  return {
    ...raw,
    items: raw.items.map((item) => ({
      ...item,
      evidence: item.evidence ?? 'none',
      allowNotApplicable: item.allowNotApplicable ?? false,
      required: item.required ?? true,
      ...(item.type === 'text' ? { maxLength: item.maxLength ?? DEFAULT_TEXT_MAX_LENGTH } : {}),
    })),
  };
}

function shapeProblem(e: ErrorObject, raw: unknown, file: string): DefinitionProblem {
  const path = e.instancePath.split('/').slice(1);
  let itemKey: string | undefined;
  let where = path;
  if (path[0] === 'items' && path.length > 1) {
    const item = (raw as { items?: { key?: unknown }[] }).items?.[Number(path[1])];
    itemKey = typeof item?.key === 'string' ? item.key : `#${Number(path[1]) + 1}`;
    where = path.slice(2);
  }
  const field = where.length > 0 ? `${where.join('.')}: ` : '';
  let detail = e.message ?? 'invalid';
  if (e.keyword === 'additionalProperties') {
    detail = `unknown field "${String(e.params.additionalProperty)}"`;
  } else if (e.keyword === 'enum') {
    detail = `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
  }
  return { file, itemKey, problem: `${field}${detail}` };
}

function checkRules(q: Questionnaire, at: QuestionnaireLocation): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const fileProblem = (problem: string) => problems.push({ file: at.file, problem });
  if (q.group !== at.group) fileProblem(`group is "${q.group}" but the file is in folder "${at.group}"`);
  if (q.version !== at.version) fileProblem(`version is ${q.version} but the file is named v${at.version}`);
  if (Number.isNaN(Date.parse(q.publishedAt))) fileProblem(`publishedAt "${q.publishedAt}" is not a date`);
  if (q.version === 1 && q.follows !== undefined) fileProblem('version 1 cannot follow another version');
  if (q.version > 1 && q.follows === undefined) {
    fileProblem(`version ${q.version} must name the version it follows ("follows") with a keyMap`);
  }
  if (q.follows !== undefined && q.follows >= q.version) {
    fileProblem(`follows ${q.follows}, which is not an earlier version`);
  }
  if ((q.follows === undefined) !== (q.keyMap === undefined)) {
    fileProblem('"follows" and "keyMap" go together');
  }

  const seen = new Map<string, QuestionnaireItem>();
  for (const item of q.items) {
    const itemProblem = (problem: string) => problems.push({ file: at.file, itemKey: item.key, problem });
    if (seen.has(item.key)) itemProblem('the key is used twice');
    checkItem(item, itemProblem);
    if (item.visibleWhen) checkCondition(item, seen, itemProblem);
    seen.set(item.key, item);
  }
  return problems;
}

function checkItem(item: QuestionnaireItem, report: (problem: string) => void): void {
  const isChoice = CHOICE_TYPES.has(item.type);
  if (isChoice && !item.options) report(`a ${item.type} item needs "options"`);
  if (!isChoice && item.options) report(`"options" are only for choice items, not ${item.type}`);
  if (item.options) {
    const keys = item.options.map((o) => o.key);
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice) report(`option "${twice}" is listed twice`);
  }
  if (item.allowNotApplicable && item.type !== 'yes-partial-no') {
    report('"allowNotApplicable" is only for yes-partial-no items');
  }
  if (item.type !== 'number' && ['min', 'max', 'integer', 'bands'].some((f) => f in item)) {
    report('"min", "max", "integer" and "bands" are only for number items');
  }
  if (item.type === 'number') {
    if (item.min !== undefined && item.max !== undefined && item.min > item.max) report('min is above max');
    if (item.weight > 0 && !item.bands) report('a scored number item (weight > 0) needs "bands"');
  }
  if (item.type !== 'text' && item.maxLength !== undefined) report('"maxLength" is only for text items');
  if (item.type === 'text' && item.weight > 0) report('text items are not scored: weight must be 0');
}

function checkCondition(
  item: QuestionnaireItem,
  earlier: ReadonlyMap<string, QuestionnaireItem>,
  report: (problem: string) => void,
): void {
  const condition = item.visibleWhen!;
  const source = earlier.get(condition.item);
  if (!source) {
    report(`visibleWhen refers to "${condition.item}", which is not an earlier item of this file`);
    return;
  }
  const allowed = conditionValues(source);
  if (allowed === 'number') {
    const bad = condition.in.find((v) => typeof v !== 'number');
    if (bad !== undefined) report(`visibleWhen value ${JSON.stringify(bad)} is not a number`);
  } else if (allowed) {
    const bad = condition.in.find((v) => !allowed.includes(String(v)));
    if (bad !== undefined) {
      report(`visibleWhen value ${JSON.stringify(bad)} is not an answer of "${source.key}" (${allowed.join(', ')})`);
    }
  } else {
    report(`visibleWhen cannot depend on "${source.key}", a ${source.type} item`);
  }
}

function conditionValues(source: QuestionnaireItem): string[] | 'number' | undefined {
  switch (source.type) {
    case 'yes-partial-no':
      return [...YES_PARTIAL_NO_VALUES, ...(source.allowNotApplicable ? [NOT_APPLICABLE] : [])];
    case 'single-choice':
    case 'multiple-choice':
      return source.options!.map((o) => o.key);
    case 'number':
      return 'number';
    case 'text':
    case 'evidence':
      return undefined;
  }
}
