import type { workflow as pt } from '../pt-BR/workflow';

/** Messages: the stages of an assessment (actions, what comes next, concurrent changes). */
export const workflow: Record<keyof typeof pt, string> = {
  'workflow.assessment-not-found': 'Assessment not found.',
  'workflow.role-not-allowed': 'Only {roles} may {action}.',
  'workflow.illegal-transition':
    'Cannot {action}: the assessment is "{state}", and this action is possible only at one of these stages: {allowed}. {next}',
  'workflow.concurrent-change': 'The assessment was changed by someone else; reload and try again.',
  'workflow.action.start-diagnosis': 'start the diagnosis',
  'workflow.action.submit': 'submit the diagnosis',
  'workflow.action.start-review': 'start the review',
  'workflow.action.request-changes': 'send items back for changes',
  'workflow.action.approve': 'approve the diagnosis',
  'workflow.action.reopen': 'reopen the approved diagnosis',
  'workflow.action.set-priorities': 'set the priorities',
  'workflow.action.certify': 'issue the seal',
  'workflow.next.enrolled': 'Next, the government starts answering the diagnosis.',
  'workflow.next.diagnosis-in-progress': 'Next, the government submits the diagnosis.',
  'workflow.next.submitted': 'Next, the review starts.',
  'workflow.next.in-review': 'Next, the review approves the diagnosis or sends items back for changes.',
  'workflow.next.changes-requested': 'Next, the government corrects the items sent back and resubmits the diagnosis.',
  'workflow.next.resubmitted': 'Next, the review takes up the resubmitted diagnosis again.',
  'workflow.next.approved': 'Next, the government chooses its priorities.',
  'workflow.next.priorities-set': 'Next, the university issues the seal.',
  'workflow.next.certified': 'Every stage of this edition is complete.',
};
