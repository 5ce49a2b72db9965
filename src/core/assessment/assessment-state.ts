import type { Role } from '../auth/role';
import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';

/**
 * The life of one government's assessment in one edition, as a pure state machine. Every transition names
 * the role that may make it; anything else is refused with the current state.
 */
export const ASSESSMENT_STATES = [
  'enrolled',
  'diagnosis-in-progress',
  'submitted',
  'in-review',
  'changes-requested',
  'resubmitted',
  'approved',
  'priorities-set',
  'certified',
] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export type AssessmentEvent =
  | 'start-diagnosis'
  | 'submit'
  | 'start-review'
  | 'request-changes'
  | 'approve'
  | 'reopen'
  | 'set-priorities'
  | 'certify';

interface Transition {
  readonly from: readonly AssessmentState[];
  readonly to: AssessmentState | ((from: AssessmentState) => AssessmentState);
  readonly roles: readonly Role[];
}

const TRANSITIONS: Record<AssessmentEvent, Transition> = {
  'start-diagnosis': { from: ['enrolled'], to: 'diagnosis-in-progress', roles: ['official'] },
  submit: {
    from: ['diagnosis-in-progress', 'changes-requested'],
    to: (from) => (from === 'changes-requested' ? 'resubmitted' : 'submitted'),
    roles: ['official'],
  },
  'start-review': { from: ['submitted', 'resubmitted'], to: 'in-review', roles: ['reviewer', 'admin'] },
  'request-changes': { from: ['in-review'], to: 'changes-requested', roles: ['reviewer', 'admin'] },
  approve: { from: ['in-review'], to: 'approved', roles: ['reviewer', 'admin'] },
  reopen: { from: ['approved', 'priorities-set'], to: 'in-review', roles: ['reviewer', 'admin'] },
  'set-priorities': { from: ['approved', 'priorities-set'], to: 'priorities-set', roles: ['official'] },
  certify: { from: ['priorities-set'], to: 'certified', roles: ['certifier'] },
};

export type TransitionResult =
  | { readonly ok: true; readonly to: AssessmentState }
  | {
      readonly ok: false;
      readonly reason: 'ILLEGAL_TRANSITION' | 'ROLE_NOT_ALLOWED';
      readonly allowedFrom: readonly AssessmentState[];
      readonly roles: readonly Role[];
    };

export function transition(from: AssessmentState, event: AssessmentEvent, role: Role): TransitionResult {
  const t = TRANSITIONS[event];
  if (!t.roles.includes(role)) return { ok: false, reason: 'ROLE_NOT_ALLOWED', allowedFrom: t.from, roles: t.roles };
  if (!t.from.includes(from)) return { ok: false, reason: 'ILLEGAL_TRANSITION', allowedFrom: t.from, roles: t.roles };
  return { ok: true, to: typeof t.to === 'function' ? t.to(from) : t.to };
}

/** States in which officials may change answers (while changes are requested: only the items sent back). */
export const EDITABLE_STATES: readonly AssessmentState[] = ['enrolled', 'diagnosis-in-progress', 'changes-requested'];

/** States in which the diagnosis is locked and a score snapshot exists. */
export const APPROVED_STATES: readonly AssessmentState[] = ['approved', 'priorities-set', 'certified'];

/** Each state as a person reads it (messages name states by these labels, never by their keys). */
export const STATE_LABELS: Record<AssessmentState, LocalizedText> = {
  enrolled: message('diagnosis.state.enrolled'),
  'diagnosis-in-progress': message('diagnosis.state.diagnosis-in-progress'),
  submitted: message('diagnosis.state.submitted'),
  'in-review': message('diagnosis.state.in-review'),
  'changes-requested': message('diagnosis.state.changes-requested'),
  resubmitted: message('diagnosis.state.resubmitted'),
  approved: message('diagnosis.state.approved'),
  'priorities-set': message('diagnosis.state.priorities-set'),
  certified: message('diagnosis.state.certified'),
};
