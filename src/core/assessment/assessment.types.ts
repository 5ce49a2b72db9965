import type { IndexScore } from '../scoring/score-index';

export type ReviewStatus = 'pending' | 'accepted' | 'adjusted' | 'sent-back';

/** Evidence attached to an answer: a link, or an uploaded file stored by content hash. */
export type EvidenceRef =
  { readonly url: string } | { readonly file: string; readonly fileName: string; readonly mime: string };

export interface Person {
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  readonly department: string;
}

export interface EnrolmentRecord {
  readonly letterOfIntent: { readonly file: string; readonly fileName: string; readonly mime: string };
  readonly focalPerson: Person;
  readonly substitutes: readonly Person[];
  readonly migrantService: {
    readonly name: string;
    readonly phone: string;
    readonly email: string;
    readonly address: string;
  };
  readonly course?: {
    readonly completedAt: string;
    readonly certificate: { readonly file: string; readonly fileName: string; readonly mime: string };
  };
  readonly enrolledAt: string;
  readonly enrolledBy: string;
}

/** What approval freezes: the scores with the questionnaire and scoring versions that produced them. */
export interface ScoreSnapshot {
  readonly takenAt: string;
  readonly round: number;
  readonly index: IndexScore;
  readonly groups: readonly {
    readonly group: string;
    readonly questionnaireVersion: number;
    readonly scoringVersion: string;
    readonly score: number | null;
    readonly level: string | null;
    readonly items: readonly {
      readonly key: string;
      readonly points: number | null;
      readonly counted: boolean;
      readonly status: string;
    }[];
  }[];
}
