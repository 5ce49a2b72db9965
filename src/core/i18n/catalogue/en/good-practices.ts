import type { goodPractices as pt } from '../pt-BR/good-practices';

/** Messages: good practices (recorded by the government, decided by the review). */
export const goodPractices: Record<keyof typeof pt, string> = {
  'good-practices.only-during-diagnosis':
    'Good practices are recorded during the diagnosis; the assessment is "{state}".',
  'good-practices.unknown-group': 'this indicator group is not part of this assessment',
  'good-practices.future-year': 'the start year cannot be after {year}',
  'good-practices.not-found': 'Good practice not found.',
  'good-practices.comment-required': 'tell the government why the practice was rejected (5 characters or more)',
  'good-practices.diagnosis-not-submitted':
    'A good practice can be approved only once the government has submitted its diagnosis; the assessment is "{state}".',
};
