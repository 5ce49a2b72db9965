import type { diagnosis as pt } from '../pt-BR/diagnosis';

/** Messages: diagnosis. */
export const diagnosis: Record<keyof typeof pt, string> = {
  'diagnosis.item-name': 'item {number} ("{label}")',
  'diagnosis.someone': 'Someone',
  'diagnosis.locked': 'The assessment is "{state}" and takes no changes.',
  'diagnosis.officials-only': 'Only the government\u2019s officials answer the diagnosis.',
  'diagnosis.unknown-group': 'this indicator group is not part of this assessment',
  'diagnosis.duplicate-item': 'item repeated in the batch',
  'diagnosis.evidence-not-expected': 'this item takes no evidence',
  'diagnosis.invalid-answers': 'Invalid answers: {count} problem(s); see each field.',
  'diagnosis.stale.yours':
    'You changed {item} in another tab or window at {time} (Brasília time) on {date}. Nothing was saved; see the current value.',
  'diagnosis.stale.other':
    '{name} changed {item} at {time} (Brasília time) on {date}, after you opened the diagnosis. Nothing was saved; see the current value.',
  'diagnosis.stale.many':
    '{count} items were changed after you opened the diagnosis: {items}. Nothing was saved; see the current values.',
  'diagnosis.stale.field': 'the version you opened ({expected}) is out of date; the current one is {current}',
  'diagnosis.only-sent-back':
    'While changes are requested only the items sent back by the review may change; these were not sent back: {items}.',
  'diagnosis.evidence.url-or-file': 'give either a link or an uploaded file',
  'diagnosis.evidence.http': 'the link must start with http:// or https://',
  'diagnosis.evidence.invalid-link': 'invalid link',
  'diagnosis.evidence.not-uploaded': 'file not found: upload it first with the evidence upload',
  'diagnosis.required': '{item}: answer required',
  'diagnosis.carried-not-confirmed': '{item}: answer carried from the previous edition; confirm or change it',
  'diagnosis.evidence-missing': '{item}: the answer "{answer}" needs evidence (a link or a file) to be submitted',
  'diagnosis.submission-incomplete':
    'The diagnosis still has {count} open point(s): {required} unanswered or to confirm and {evidence} without evidence.',
  'diagnosis.answer.other-version':
    'the item belongs to version {found} of the questionnaire, not to version {version}',
  'diagnosis.answer.unknown-item': 'no such item in version {version} of "{group}"',
  'diagnosis.answer.na-not-allowed': '"Not applicable" is not allowed for this item',
  'diagnosis.answer.expected-ypn': 'expected Yes, Partly or No',
  'diagnosis.answer.expected-ypn-na': 'expected Yes, Partly, No or Not applicable',
  'diagnosis.answer.expected-option': 'expected one of the item\u2019s options',
  'diagnosis.answer.expected-options': 'expected a list of the item\u2019s options',
  'diagnosis.answer.option-twice': 'an option is listed twice',
  'diagnosis.answer.unknown-option': '"{given}" is not an option of this item (options: {options})',
  'diagnosis.answer.expected-number': 'expected a number',
  'diagnosis.answer.expected-integer': 'expected a whole number',
  'diagnosis.answer.out-of-range': 'must be between {min} and {max}',
  'diagnosis.answer.at-least': 'must be {min} or more',
  'diagnosis.answer.at-most': 'must be {max} or less',
  'diagnosis.answer.expected-text': 'expected text',
  'diagnosis.answer.unstorable-character': 'the text holds a character that cannot be stored (NUL or a lone surrogate)',
  'diagnosis.answer.too-long': 'longer than {max} characters',
  'diagnosis.answer.expected-evidence': 'expected an http(s) link or a file uploaded to the platform',
  'diagnosis.state.enrolled': 'enrolled',
  'diagnosis.state.diagnosis-in-progress': 'diagnosis in progress',
  'diagnosis.state.submitted': 'submitted',
  'diagnosis.state.in-review': 'in review',
  'diagnosis.state.changes-requested': 'changes requested',
  'diagnosis.state.resubmitted': 'resubmitted',
  'diagnosis.state.approved': 'approved',
  'diagnosis.state.priorities-set': 'priorities set',
  'diagnosis.state.certified': 'certified',
};
