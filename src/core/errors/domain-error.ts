import type { LocalizedText } from '../i18n/localized-text';

/**
 * Every failure the engine reports to a caller, by code; the HTTP mapping lives in one filter (STATUS in
 * domain-exception.filter.ts) and each code's general message in the catalogues (`error.<CODE>`).
 */
export type DomainErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_REQUEST'
  | 'INVALID_ANSWERS'
  | 'GROUP_NOT_FOUND'
  | 'VERSION_NOT_FOUND'
  | 'GOVERNMENT_NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'FORBIDDEN'
  | 'ROUTE_WITHOUT_ACCESS_RULE'
  | 'USER_NOT_FOUND'
  | 'EDITION_NOT_FOUND'
  | 'ASSESSMENT_NOT_FOUND'
  | 'GOOD_PRACTICE_NOT_FOUND'
  | 'REPORT_NOT_READY'
  | 'FILE_NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'STALE_ANSWER'
  | 'ILLEGAL_TRANSITION'
  | 'ASSESSMENT_LOCKED'
  | 'SUBMISSION_INCOMPLETE'
  | 'REVIEW_INCOMPLETE'
  | 'UPLOAD_REJECTED'
  | 'UPLOAD_TOO_LARGE'
  | 'NOT_ELIGIBLE'
  | 'CERTIFICATE_NOT_FOUND'
  | 'BATCH_NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST_REFUSED'
  | 'INTERNAL_ERROR'
  | 'DIAGNOSIS_NOT_SUBMITTED'
  | 'DIAGNOSIS_CLOSED'
  | 'ENROLMENT_CLOSED'
  | 'SEAL_WOULD_BE_EXPIRED'
  | 'STATUS_LIST_NOT_FOUND'
  | 'NOTHING_TO_ISSUE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_KEY_IN_PROGRESS';

/** A problem with one field of the input: `field` is a path such as `answers.focal-body` or `limit`. */
export interface FieldProblem {
  readonly field: string;
  readonly code?: string;
  readonly message: LocalizedText;
  /** The values the field accepts, when it takes one of a list (e.g. the roles). */
  readonly allowed?: readonly (string | number)[];
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly userMessage: LocalizedText,
    readonly fields: readonly FieldProblem[] = [],
    /** Extra facts for the caller, e.g. the current value of a stale answer. */
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${userMessage.en}`);
    this.name = 'DomainError';
  }
}
