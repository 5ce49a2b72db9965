import type { review as pt } from '../pt-BR/review';

/** Messages: review. */
export const review: Record<keyof typeof pt, string> = {
  'review.not-answered': '{item} has no answer to review',
  'review.rating-required': 'give the reviewer\u2019s rating for the adjustment',
  'review.same-as-answer': 'same as the government\u2019s answer: use "accept"',
  'review.justification-required': 'justify the adjustment (10 characters or more)',
  'review.comment-required': 'tell the government what to correct (5 characters or more)',
  'review.evidence-missing':
    '{item}: the answer "{answer}" needs evidence and none was given; adjust the rating or send the item back to the government',
  'review.invalid-decisions': 'Invalid decisions: {count} problem(s); see each field.',
  'review.nothing-sent-back': 'No item was sent back: mark at least one item to send back to the government.',
  'review.open-item': '{item}: still {status}',
  'review.status.pending': 'without a verdict',
  'review.status.sent-back': 'sent back to the government',
  'review.review-incomplete': '{count} item(s) still have no final verdict.',
  'review.next.not-submitted':
    'The diagnosis is "{state}": the government has not submitted it yet, and the review starts once it is submitted.',
  'review.next.with-government':
    'The diagnosis is "{state}": it is with the government for changes, and the review continues once it is resubmitted.',
  'review.next.approved':
    'The diagnosis is "{state}": it is already approved; to review it again, reopen it with a reason.',
  'review.mail.sent-back.subject': 'MigraCidades {year}: items sent back for changes ({government})',
  'review.mail.sent-back.line': '- {item}: {note}',
  'review.mail.sent-back.body':
    'Hello,\n\nThe review of the diagnosis of {government} ({uf}) in the {year} edition sent {count} item(s) back for changes:\n\n{items}\n\nAnswer the items and resubmit the diagnosis: {link}',
  'review.mail.approved.subject': 'MigraCidades {year}: diagnosis approved ({government})',
  'review.mail.approved.body':
    'Hello,\n\nThe diagnosis of {government} ({uf}) in the {year} edition was approved.\nMigraCidades Index: {index}.\n\nNext step: choose the improvement priorities per indicator group: {link}',
};
