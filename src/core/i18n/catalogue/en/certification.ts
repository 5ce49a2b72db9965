import type { certification as pt } from '../pt-BR/certification';

/** Messages: certification (eligibility, validity, issuing, revoking and verifying the seal). */
export const certification: Record<keyof typeof pt, string> = {
  'certification.stage-incomplete': 'stage "{stage}" incomplete: missing {missing}',
  'certification.index-below-minimum': 'index {index} below the minimum {minimum}',
  'certification.groups-below-level': '{count} group(s) below the level "{level}"',
  'certification.assessment-not-found': 'Assessment not found.',
  'certification.not-eligible': '{government} does not meet edition {year}\u2019s certification rule: {reasons}.',
  'certification.seal-would-be-expired':
    'The seal of {government} for edition {year} would already be expired: issued today ({today}), it would be valid only until {validUntil}. Review the edition\u2019s seal validity.',
  'certification.batch-would-be-expired':
    'The seals of edition {year} would already be expired: issued today ({today}), they would be valid only until {validUntil}. Review the edition\u2019s seal validity before the batch.',
  'certification.kind.state': 'State',
  'certification.kind.municipality': 'Municipality',
  'certification.seal-email.subject': 'MigraCidades {year} seal issued: {government}',
  'certification.seal-email.body':
    'Hello,\n\n{government} ({uf}) received the MigraCidades {year} seal, number {number}, valid from {validFrom} until {validUntil}.\nPublic verification: {url}\nSeal and report downloads: {page}',
  'certification.seal-not-found': 'Seal {number} not found.',
  'certification.already-revoked': 'Seal {number} is already revoked.',
  'certification.revoked-not-reissued': 'Seal {number} is revoked and cannot be re-issued.',
  'certification.reissued-reason': 'Re-issued: {reason}',
  'certification.edition-not-found': 'Edition {year} does not exist.',
  'certification.editions-known': 'editions: {editions}',
  'certification.pdf-not-authentic': 'the PDF is not an issued seal or was altered',
  'certification.credential-not-authentic': 'the credential\u2019s signature does not hold',
  'certification.status.valid': 'Valid seal',
  'certification.status.revoked': 'Revoked seal',
  'certification.status.expired': 'Expired seal',
  'certification.status.unknown': 'Unknown seal',
  'certification.verify-file-missing': 'Send the seal\u2019s PDF in the file field.',
  'certification.field-required': 'required',
  'certification.verify-body-missing': 'Send the signed credential (JWT) or the seal\u2019s PDF.',
  'certification.credential-required': 'text required',
  'certification.no-editions': 'There are no editions yet.',
  'certification.dashboard.enrolled': 'Enrolled',
  'certification.dashboard.certified': 'Certified',
  'certification.dashboard.valid-seals': 'Seals valid today',
  'certification.dashboard.unknown-group': 'indicator group no longer published',
  'certification.batch-not-found': 'Certificate batch not found.',
};
