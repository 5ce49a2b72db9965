import type { EnrolmentRecord, EvidenceRef, ReviewStatus, ScoreSnapshot } from '../assessment/assessment.types';
import type { GovernmentKind } from '../governments/ibge-reference';
import type { LocalizedText } from '../i18n/localized-text';
import type { AnswerSet, AnswerValue, Questionnaire } from '../questionnaire/questionnaire.types';
import type { EditionScores } from './report-progress';

/** What the Relatório de Diagnóstico is built from: plain data the report service reads. */
export interface ReportGroupInput {
  readonly slug: string;
  readonly number: number;
  readonly dimension: 'governance' | 'rights-and-services';
  /** The questionnaire version the assessment was answered with. */
  readonly questionnaire: Questionnaire;
  /** The group module's suggestions, by item key. */
  readonly recommendations: Readonly<Record<string, LocalizedText>>;
}

export interface ReportItemReview {
  readonly officialValue: AnswerValue;
  readonly evidence: readonly EvidenceRef[];
  readonly status: ReviewStatus;
  readonly reviewerRating: AnswerValue | null;
  readonly note: string | null;
}

export interface ReportInput {
  readonly government: {
    readonly ibgeCode: string;
    readonly name: string;
    readonly kind: GovernmentKind;
    readonly uf: string;
    readonly stateName: string;
    readonly region: string;
    readonly population: number | null;
    readonly populationYear: number | null;
  };
  readonly editionYear: number;
  /** International migrants in the federal registry (SISMIGRA), when known. */
  readonly registeredMigrants: number | null;
  readonly submittedAt: Date | string | null;
  readonly approvedAt: Date | string | null;
  readonly enrolment: Pick<EnrolmentRecord, 'focalPerson' | 'substitutes' | 'migrantService'>;
  readonly snapshot: ScoreSnapshot;
  /** The assessment's groups, in programme order. */
  readonly groups: readonly ReportGroupInput[];
  /** By group: the answers the scores used (the reviewer's rating where there is one). */
  readonly answers: Readonly<Record<string, AnswerSet>>;
  /** By group and item: the review of each answer (the official's own answer, evidence, verdict, note). */
  readonly reviews?: Readonly<Record<string, Readonly<Record<string, ReportItemReview>>>>;
  readonly goodPractices: readonly {
    readonly groupSlug: string;
    readonly title: string;
    readonly description: string;
    readonly link: string | null;
    readonly startYear: number | null;
  }[];
  readonly priorities: readonly { readonly groupSlug: string; readonly itemKey: string; readonly commitment: string }[];
  /** The previous edition's priorities, with the progress reported on them in this edition. */
  readonly previousPriorities: {
    readonly editionYear: number;
    readonly groups: readonly ReportGroupInput[];
    readonly items: readonly {
      readonly groupSlug: string;
      readonly itemKey: string;
      readonly commitment: string;
      readonly progressStatus: string | null;
      readonly progressNote: string | null;
    }[];
  } | null;
  /** The same government's approved scores in earlier editions. */
  readonly history: readonly EditionScores[];
  readonly generatedAt: Date;
}
