import type { editions as pt } from '../pt-BR/editions';

/** Messages: editions (calendar, deadlines, extensions, enrolment) and the five stages of every assessment. */
export const editions: Record<keyof typeof pt, string> = {
  'editions.calendar.enrolment-opens': 'enrolment opening',
  'editions.calendar.enrolment-closes': 'enrolment closing',
  'editions.calendar.diagnosis-deadline': 'diagnosis deadline',
  'editions.calendar.review-deadline': 'review deadline',
  'editions.calendar.certification-date': 'certification date',
  'editions.calendar.out-of-order': 'date out of order: {date} ({day}) is before {previous} ({previousDay})',
  'editions.no-such-group': 'no such indicator group',
  'editions.no-such-version': 'no such version of the group "{group}" (published: {published})',
  'editions.minimum-index-required': 'required when the rule asks for a minimum index',
  'editions.minimum-level-required': 'required when the rule asks for a minimum level in every group',
  'editions.seal-validity-until-required': 'give the last day the seals are valid',
  'editions.seal-validity-before-certification':
    'the seals\u2019 validity cannot end before the certification date ({certificationDate})',
  'editions.invalid': 'Invalid edition: {count} field(s) with a problem.',
  'editions.already-exists': 'Edition {year} already exists.',
  'editions.year-taken': 'an edition of this year already exists',
  'editions.not-found': 'Edition {year} does not exist.',
  'editions.extension-invalid': 'Invalid extension.',
  'editions.unknown-government': 'unknown IBGE code',
  'editions.extension-before-deadline': 'the new date must be on or after the edition\u2019s deadline ({deadline})',
  'editions.diagnosis-closed':
    'The diagnosis deadline of edition {year} ended on {deadline}: answers can no longer be changed or submitted. Ask the administration for an extension if needed.',
  'editions.diagnosis-closed-extended':
    'The diagnosis deadline of edition {year}, extended for this government, ended on {deadline}: answers can no longer be changed or submitted.',
  'editions.enrolment-closed': 'Enrolment for edition {year} runs from {opens} to {closes}; today is {today}.',
  'editions.enrolment.unknown-government': 'No such government.',
  'editions.enrolment.already-enrolled': 'This government is already enrolled in edition {year}.',
  'editions.validation.government-code':
    'must be the IBGE code of a government: 7 digits for a municipality, 2 for a state',
  'editions.stage.enrolment': 'Enrolment',
  'editions.stage.diagnosis': 'Diagnosis',
  'editions.stage.prioritisation': 'Prioritisation',
  'editions.stage.certification': 'Certification',
  'editions.stage.monitoring': 'Monitoring',
  'editions.stage.letter-of-intent-missing': 'letter of intent signed by the head of government',
  'editions.stage.focal-person-missing': 'a named focal person',
  'editions.stage.course-missing': 'the focal person\u2019s completion of the ENAP course',
  'editions.stage.diagnosis-not-sent': 'diagnosis not submitted yet',
  'editions.stage.diagnosis-in-review': 'diagnosis awaiting the reviewers\u2019 validation',
  'editions.stage.diagnosis-changes-requested': 'reviewers asked for changes: answer the items sent back and resubmit',
  'editions.stage.priorities-missing': 'priorities not chosen yet',
  'editions.stage.seal-missing': 'seal not issued yet',
  'editions.stage.progress-missing': 'progress on the priorities to be reported in the next edition',
  'editions.pinned-locked': 'cannot change: governments have already enrolled in this edition, answering this version',
};
