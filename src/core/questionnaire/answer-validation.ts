import type { LocalizedText } from '../i18n/localized-text';
import {
  type AnswerSet,
  type AnswerValue,
  NOT_APPLICABLE,
  type Questionnaire,
  type QuestionnaireItem,
  YES_PARTIAL_NO_VALUES,
} from './questionnaire.types';

export type AnswerProblemCode =
  | 'UNKNOWN_ITEM'
  | 'ITEM_OF_OTHER_VERSION'
  | 'WRONG_TYPE'
  | 'UNKNOWN_OPTION'
  | 'NOT_APPLICABLE_NOT_ALLOWED'
  | 'OUT_OF_RANGE'
  | 'TOO_LONG';

export interface AnswerProblem {
  readonly itemKey: string;
  readonly code: AnswerProblemCode;
  /** English, for logs and carried-answer notes; `message` holds both languages. */
  readonly reason: string;
  readonly message: LocalizedText;
}

const SHA256 = /^[a-f0-9]{64}$/;

/**
 * Checks every answer against its item. `otherVersions` lets the message say when a key belongs to another
 * version of the same group (an answer meant for another version) rather than to no version at all.
 */
export function validateAnswers(
  questionnaire: Questionnaire,
  answers: AnswerSet,
  otherVersions: readonly Questionnaire[] = [],
): AnswerProblem[] {
  const items = new Map(questionnaire.items.map((i) => [i.key, i]));
  const problems: AnswerProblem[] = [];
  for (const [key, value] of Object.entries(answers)) {
    const item = items.get(key);
    if (!item) {
      const elsewhere = otherVersions.find(
        (q) => q.version !== questionnaire.version && q.items.some((i) => i.key === key),
      );
      problems.push(
        elsewhere
          ? problem(
              key,
              'ITEM_OF_OTHER_VERSION',
              `item belongs to version ${elsewhere.version}, not to version ${questionnaire.version}`,
              `o item pertence à versão ${elsewhere.version}, não à versão ${questionnaire.version}`,
            )
          : problem(
              key,
              'UNKNOWN_ITEM',
              `no such item in ${questionnaire.group} v${questionnaire.version}`,
              `não existe item com esta chave em ${questionnaire.group} v${questionnaire.version}`,
            ),
      );
      continue;
    }
    const found = checkValue(item, value);
    if (found) problems.push(found);
  }
  return problems;
}

function checkValue(item: QuestionnaireItem, value: AnswerValue): AnswerProblem | undefined {
  const key = item.key;
  switch (item.type) {
    case 'yes-partial-no': {
      if (value === NOT_APPLICABLE) {
        return item.allowNotApplicable
          ? undefined
          : problem(
              key,
              'NOT_APPLICABLE_NOT_ALLOWED',
              '"not-applicable" is not allowed for this item',
              '"não se aplica" não é permitido para este item',
            );
      }
      const allowed = [...YES_PARTIAL_NO_VALUES, ...(item.allowNotApplicable ? [NOT_APPLICABLE] : [])];
      return typeof value === 'string' && (allowed as string[]).includes(value)
        ? undefined
        : problem(key, 'WRONG_TYPE', `expected one of ${allowed.join(', ')}`, `esperado um de: ${allowed.join(', ')}`);
    }
    case 'single-choice': {
      if (typeof value !== 'string')
        return problem(key, 'WRONG_TYPE', 'expected an option key (string)', 'esperada a chave de uma opção (texto)');
      return optionProblem(item, [value]);
    }
    case 'multiple-choice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        return problem(key, 'WRONG_TYPE', 'expected a list of option keys', 'esperada uma lista de chaves de opções');
      }
      if (new Set(value).size !== value.length) {
        return problem(key, 'WRONG_TYPE', 'an option is listed twice', 'uma opção foi repetida');
      }
      return optionProblem(item, value as string[]);
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return problem(key, 'WRONG_TYPE', 'expected a number', 'esperado um número');
      if (item.integer && !Number.isInteger(value))
        return problem(key, 'WRONG_TYPE', 'expected a whole number', 'esperado um número inteiro');
      if ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max)) {
        const range = `${item.min ?? '-∞'}..${item.max ?? '∞'}`;
        return problem(key, 'OUT_OF_RANGE', `must be within ${range}`, `deve estar entre ${range}`);
      }
      return undefined;
    }
    case 'text': {
      if (typeof value !== 'string') return problem(key, 'WRONG_TYPE', 'expected text', 'esperado um texto');
      return value.length > item.maxLength!
        ? problem(
            key,
            'TOO_LONG',
            `longer than ${item.maxLength} characters`,
            `mais longo que ${item.maxLength} caracteres`,
          )
        : undefined;
    }
    case 'evidence':
      return isEvidence(value)
        ? undefined
        : problem(
            key,
            'WRONG_TYPE',
            'expected {"url": "http(s)://..."} or {"file": "<sha256>"}',
            'esperado {"url": "http(s)://..."} ou {"file": "<sha256>"}',
          );
  }
}

function isEvidence(value: AnswerValue): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  if ('url' in value) {
    try {
      return ['http:', 'https:'].includes(new URL(value.url).protocol);
    } catch {
      return false;
    }
  }
  return 'file' in value && typeof value.file === 'string' && SHA256.test(value.file);
}

function optionProblem(item: QuestionnaireItem, chosen: readonly string[]): AnswerProblem | undefined {
  const keys = item.options!.map((o) => o.key);
  const unknown = chosen.find((c) => !keys.includes(c));
  return unknown === undefined
    ? undefined
    : problem(
        item.key,
        'UNKNOWN_OPTION',
        `"${unknown}" is not an option (${keys.join(', ')})`,
        `"${unknown}" não é uma opção (${keys.join(', ')})`,
      );
}

function problem(itemKey: string, code: AnswerProblemCode, en: string, ptBR: string): AnswerProblem {
  return { itemKey, code, reason: en, message: { 'pt-BR': ptBR, en } };
}
