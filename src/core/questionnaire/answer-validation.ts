import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import { hasUnstorableCharacter } from '../http/unstorable-text';
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
              message('diagnosis.answer.other-version', { found: elsewhere.version, version: questionnaire.version }),
            )
          : problem(
              key,
              'UNKNOWN_ITEM',
              `no such item in ${questionnaire.group} v${questionnaire.version}`,
              message('diagnosis.answer.unknown-item', { version: questionnaire.version, group: questionnaire.title }),
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
              message('diagnosis.answer.na-not-allowed'),
            );
      }
      const allowed = [...YES_PARTIAL_NO_VALUES, ...(item.allowNotApplicable ? [NOT_APPLICABLE] : [])];
      return typeof value === 'string' && (allowed as string[]).includes(value)
        ? undefined
        : problem(
            key,
            'WRONG_TYPE',
            `expected one of ${allowed.join(', ')}`,
            message(item.allowNotApplicable ? 'diagnosis.answer.expected-ypn-na' : 'diagnosis.answer.expected-ypn'),
          );
    }
    case 'single-choice': {
      if (typeof value !== 'string')
        return problem(
          key,
          'WRONG_TYPE',
          'expected an option key (string)',
          message('diagnosis.answer.expected-option'),
        );
      return optionProblem(item, [value]);
    }
    case 'multiple-choice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        return problem(
          key,
          'WRONG_TYPE',
          'expected a list of option keys',
          message('diagnosis.answer.expected-options'),
        );
      }
      if (new Set(value).size !== value.length) {
        return problem(key, 'WRONG_TYPE', 'an option is listed twice', message('diagnosis.answer.option-twice'));
      }
      return optionProblem(item, value as string[]);
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return problem(key, 'WRONG_TYPE', 'expected a number', message('diagnosis.answer.expected-number'));
      if (item.integer && !Number.isInteger(value))
        return problem(key, 'WRONG_TYPE', 'expected a whole number', message('diagnosis.answer.expected-integer'));
      if ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max)) {
        const range = `${item.min ?? '-∞'}..${item.max ?? '∞'}`;
        const { min, max } = item;
        const text =
          min !== undefined && max !== undefined
            ? message('diagnosis.answer.out-of-range', { min, max })
            : min !== undefined
              ? message('diagnosis.answer.at-least', { min })
              : message('diagnosis.answer.at-most', { max });
        return problem(key, 'OUT_OF_RANGE', `must be within ${range}`, text);
      }
      return undefined;
    }
    case 'text': {
      if (typeof value !== 'string')
        return problem(key, 'WRONG_TYPE', 'expected text', message('diagnosis.answer.expected-text'));
      if (hasUnstorableCharacter(value))
        return problem(
          key,
          'WRONG_TYPE',
          'a NUL character or a lone surrogate',
          message('diagnosis.answer.unstorable-character'),
        );
      return value.length > item.maxLength!
        ? problem(
            key,
            'TOO_LONG',
            `longer than ${item.maxLength} characters`,
            message('diagnosis.answer.too-long', { max: item.maxLength }),
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
            message('diagnosis.answer.expected-evidence'),
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
        message('diagnosis.answer.unknown-option', {
          given: unknown,
          options: { list: item.options!.map((o) => o.label) },
        }),
      );
}

function problem(itemKey: string, code: AnswerProblemCode, reason: string, text: LocalizedText): AnswerProblem {
  return { itemKey, code, reason, message: text };
}
