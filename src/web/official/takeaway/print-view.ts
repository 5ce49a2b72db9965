import type { EvidenceRef, ReviewStatus } from '../../../core/assessment/assessment.types';
import type { LocalizedText } from '../../../core/i18n/localized-text';
import { formatNumber, type Language, type MessageKey, translate } from '../../../core/i18n/message';
import {
  type AnswerValue,
  NOT_APPLICABLE,
  type Questionnaire,
  type QuestionnaireItem,
} from '../../../core/questionnaire/questionnaire.types';

/** What the printable view reads of an assessment (the shape of AssessmentViewService.view). */
export interface PrintSource {
  readonly editionYear: number;
  readonly government: { readonly name: string; readonly uf: string };
  readonly stateLabel: LocalizedText;
  readonly groups: readonly {
    readonly group: string;
    readonly questionnaireVersion: number;
    readonly items: readonly {
      readonly key: string;
      readonly visible: boolean;
      readonly answer: {
        readonly value: AnswerValue | null;
        readonly evidence?: readonly EvidenceRef[] | null;
        readonly carried?: boolean;
        readonly reviewStatus?: ReviewStatus;
        readonly reviewerRating?: AnswerValue | null;
        readonly reviewNote?: string | null;
      };
    }[];
  }[];
}

export interface PrintItem {
  readonly id: string;
  readonly label: string;
  /** The answer in words, one line per chosen option. */
  readonly answer: readonly string[];
  readonly evidence: readonly string[];
  readonly carried: boolean;
  readonly review: string | null;
  readonly reviewNote: string | null;
}

export interface PrintGroup {
  readonly id: string;
  readonly heading: string;
  readonly items: readonly PrintItem[];
}

export interface PrintModel {
  readonly heading: string;
  readonly state: string;
  readonly generated: string;
  readonly groups: readonly PrintGroup[];
}

const YES_PARTIAL_NO: Record<string, MessageKey> = {
  yes: 'scoring.answer.yes',
  partial: 'scoring.answer.partial',
  no: 'scoring.answer.no',
  [NOT_APPLICABLE]: 'scoring.answer.not-applicable',
};

const isEvidence = (v: AnswerValue): v is { url: string } | { file: string } =>
  typeof v === 'object' && !Array.isArray(v) && v !== null;

/** One evidence written out: a link whole (so that it can be read on paper), a file by its name. */
function evidenceText(e: EvidenceRef, lang: Language): string {
  return 'url' in e
    ? translate('web.print.evidence-link', lang, { url: e.url })
    : translate('web.print.evidence-file', lang, { name: e.fileName });
}

/** An answer as a person reads it: Sim/Parcial/Não, the options' labels, a number with the language's decimal mark. */
export function answerInWords(
  item: QuestionnaireItem,
  value: AnswerValue | null,
  lang: Language,
  evidence: readonly EvidenceRef[] = [],
): string[] {
  if (value === null || value === undefined) return [translate('web.print.unanswered', lang)];
  if (value === NOT_APPLICABLE) return [translate('scoring.answer.not-applicable', lang)];
  const option = (key: string) => item.options?.find((o) => o.key === key)?.label[lang] ?? key;
  switch (item.type) {
    case 'yes-partial-no':
      return [YES_PARTIAL_NO[String(value)] ? translate(YES_PARTIAL_NO[String(value)], lang) : String(value)];
    case 'single-choice':
      return [option(String(value))];
    case 'multiple-choice': {
      const chosen = Array.isArray(value) ? value : [String(value)];
      return chosen.length ? chosen.map(option) : [translate('web.print.no-option', lang)];
    }
    case 'number':
      return [typeof value === 'number' ? formatNumber(value, lang) : String(value)];
    case 'evidence': {
      if (!isEvidence(value)) return [String(value)];
      if ('url' in value) return [translate('web.print.evidence-link', lang, { url: value.url })];
      const named = evidence.find((e) => 'file' in e && e.file === value.file);
      return [
        named && 'fileName' in named
          ? translate('web.print.evidence-file', lang, { name: named.fileName })
          : translate('web.print.uploaded', lang),
      ];
    }
    default:
      return [String(value)];
  }
}

function reviewText(
  item: QuestionnaireItem,
  status: ReviewStatus | undefined,
  rating: AnswerValue | null | undefined,
  lang: Language,
) {
  switch (status) {
    case 'accepted':
      return translate('web.print.review.accepted', lang);
    case 'adjusted':
      return translate('web.print.review.adjusted', lang, {
        rating: answerInWords(item, rating ?? null, lang).join(', '),
      });
    case 'sent-back':
      return translate('web.print.review.sent-back', lang);
    default:
      return null;
  }
}

/**
 * The filled diagnosis as it is printed: every group, every item the answers show (an item hidden by an
 * earlier answer is left out, as on the form), its answer in words, its evidence and the review's verdict.
 */
export function buildPrintModel(
  source: PrintSource,
  questionnaire: (group: string, version: number) => Questionnaire,
  groupNumber: (group: string) => number,
  lang: Language,
  generatedOn: string,
): PrintModel {
  return {
    heading: translate('web.print.heading', lang, {
      year: source.editionYear,
      government: source.government.name,
      uf: source.government.uf,
    }),
    state: translate('web.print.state', lang, { state: source.stateLabel }),
    generated: translate('web.print.generated', lang, { date: { date: generatedOn } }),
    groups: source.groups.map((g) => {
      const q = questionnaire(g.group, g.questionnaireVersion);
      return {
        id: `group-${g.group}`,
        heading: translate('web.print.group', lang, { number: groupNumber(g.group), title: q.title }),
        items: g.items.flatMap((shown) => {
          const item = q.items.find((i) => i.key === shown.key);
          if (!item || !shown.visible) return [];
          const { answer } = shown;
          const evidence = item.type === 'evidence' ? [] : (answer.evidence ?? []);
          // A reviewer's note is shown once there is a verdict; a pending item has none yet.
          const review = reviewText(item, answer.reviewStatus, answer.reviewerRating, lang);
          return [
            {
              id: `item-${g.group}-${item.key}`,
              label: item.label[lang],
              answer: answerInWords(item, answer.value, lang, answer.evidence ?? []),
              evidence: evidence.map((e) => evidenceText(e, lang)),
              carried: answer.carried === true,
              review,
              reviewNote:
                review && answer.reviewNote
                  ? translate('web.print.review-note', lang, { note: answer.reviewNote })
                  : null,
            },
          ];
        }),
      };
    }),
  };
}
