import type { LocalizedText } from '../i18n/localized-text';

export const ITEM_TYPES = ['yes-partial-no', 'single-choice', 'multiple-choice', 'number', 'text', 'evidence'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const YES_PARTIAL_NO_VALUES = ['yes', 'partial', 'no'] as const;
export const NOT_APPLICABLE = 'not-applicable';
export type YesPartialNo = (typeof YES_PARTIAL_NO_VALUES)[number];

export type EvidenceRequirement = 'none' | 'optional' | 'required';

export interface ChoiceOption {
  readonly key: string;
  readonly label: LocalizedText;
  readonly points: number;
}

export interface NumberBand {
  readonly atLeast: number;
  readonly points: number;
}

export interface VisibilityCondition {
  readonly item: string;
  readonly in: readonly (string | number | boolean)[];
}

export interface QuestionnaireItem {
  readonly key: string;
  readonly type: ItemType;
  readonly label: LocalizedText;
  readonly guidance?: LocalizedText;
  readonly weight: number;
  readonly evidence: EvidenceRequirement;
  readonly allowNotApplicable: boolean;
  readonly required: boolean;
  readonly options?: readonly ChoiceOption[];
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly bands?: readonly NumberBand[];
  readonly maxLength?: number;
  readonly visibleWhen?: VisibilityCondition;
}

/** How an earlier version's item lives on in the version that follows it. */
export type KeyMapEntry = 'kept' | 'dropped' | { readonly renamedTo: string };

export interface Questionnaire {
  readonly group: string;
  readonly version: number;
  readonly publishedAt: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly follows?: number;
  readonly keyMap?: Readonly<Record<string, KeyMapEntry>>;
  readonly items: readonly QuestionnaireItem[];
}

/** An evidence answer: a link or a stored file's content hash. */
export type EvidenceValue = { readonly url: string } | { readonly file: string };

export type AnswerValue = string | number | readonly string[] | EvidenceValue;

/** Answers keyed by item key. */
export type AnswerSet = Readonly<Record<string, AnswerValue>>;
