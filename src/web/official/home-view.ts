import type { AssessmentState } from '../../core/assessment/assessment-state';
import { STATE_LABELS } from '../../core/assessment/assessment-state';
import type { Role } from '../../core/auth/role';
import type { Stage, StageKey } from '../../core/editions/edition-rules';
import { isMessageKey, type Language, type MessageKey, type MessageParams, translate } from '../../core/i18n/message';

/** What the home page needs of an assessment (AssessmentViewService.view gives it). */
export interface AssessmentSummary {
  readonly id: string;
  readonly editionYear: number;
  readonly government: { readonly name: string };
  readonly state: AssessmentState;
  readonly previousAssessmentId: string | null;
  readonly enrolment: { readonly course?: { readonly completedAt?: string } | null };
  readonly diagnosisDeadline: {
    readonly deadline: string;
    readonly editionDeadline: string;
    readonly extended: boolean;
  };
  readonly stages: readonly Stage[];
}

export interface PageLink {
  readonly href: string;
  readonly label: string;
}

const EDITABLE: readonly AssessmentState[] = ['enrolled', 'diagnosis-in-progress', 'changes-requested'];
const APPROVED: readonly AssessmentState[] = ['approved', 'priorities-set', 'certified'];

/** The page where each stage's pending work is done. */
function stagePage(a: AssessmentSummary, stage: StageKey): string | null {
  const base = `/avaliacoes/${a.id}`;
  switch (stage) {
    case 'enrolment':
      return `${base}/curso`;
    case 'diagnosis':
      return base;
    case 'prioritisation':
      return `${base}/prioridades`;
    case 'certification':
      return `${base}/documentos`;
    case 'monitoring':
      return null;
  }
}

/** The pages of one assessment the official may open now, most useful first. */
export function assessmentLinks(a: AssessmentSummary, lang: Language): PageLink[] {
  const base = `/avaliacoes/${a.id}`;
  const link = (href: string, key: MessageKey): PageLink => ({ href, label: translate(key, lang) });
  return [
    link(base, EDITABLE.includes(a.state) ? 'web.home.action.fill' : 'web.home.action.view'),
    ...(EDITABLE.includes(a.state) ? [link(`${base}/envio`, 'web.home.action.submit')] : []),
    ...(a.enrolment.course?.completedAt ? [] : [link(`${base}/curso`, 'web.home.action.course')]),
    ...(APPROVED.includes(a.state) ? [link(`${base}/prioridades`, 'web.home.action.priorities')] : []),
    ...(a.previousAssessmentId ? [link(`${base}/monitoramento`, 'web.home.action.monitoring')] : []),
    link(`${base}/documentos`, 'web.home.action.documents'),
  ];
}

/** One edition as the home page shows it: stages, deadline and the next thing to do, in the reader's language. */
export function editionCard(a: AssessmentSummary, lang: Language) {
  const { deadline, editionDeadline, extended } = a.diagnosisDeadline;
  const pending = a.stages.find((s) => s.status === 'current' || s.status === 'missing');
  const nextPage = pending ? stagePage(a, pending.stage) : null;
  return {
    id: a.id,
    heading: translate('web.home.edition', lang, { year: a.editionYear, government: a.government.name }),
    situation: translate('web.home.situation', lang, { state: STATE_LABELS[a.state][lang] }),
    deadline: extended
      ? translate('web.home.deadline-extended', lang, { date: { date: deadline }, original: { date: editionDeadline } })
      : translate('web.home.deadline', lang, { date: { date: deadline } }),
    stages: a.stages.map((s) => ({
      label: s.label[lang],
      status: s.status,
      statusText: translate(`web.home.stage.${s.status}`, lang),
      current: s.status === 'current',
      missing: s.missing.map((m) => m[lang]),
    })),
    next: pending?.missing.map((m) => m[lang]) ?? [],
    nextPage,
    links: assessmentLinks(a, lang),
  };
}

/** The pages of each staff role, from their home. */
const STAFF_AREAS: Record<Exclude<Role, 'official'>, readonly (readonly [string, MessageKey])[]> = {
  reviewer: [
    ['/revisao', 'web.staff.area.review'],
    ['/revisao/boas-praticas', 'web.staff.area.good-practices'],
  ],
  certifier: [['/certificacao', 'web.staff.area.certification']],
  admin: [
    ['/admin/edicoes', 'web.staff.area.editions'],
    ['/admin/usuarios', 'web.staff.area.users'],
    ['/revisao', 'web.staff.area.review'],
    ['/certificacao', 'web.staff.area.certification'],
  ],
};

export function staffAreas(role: Role, lang: Language): PageLink[] {
  return role === 'official' ? [] : STAFF_AREAS[role].map(([href, key]) => ({ href, label: translate(key, lang) }));
}

/** A notification as stored: its subject by catalogue key (older ones only in Portuguese). */
export interface StoredNotice {
  readonly subject: string;
  readonly subjectKey: string | null;
  readonly subjectParams: MessageParams | null;
  readonly link: string | null;
  readonly createdAt: Date | string;
}

export function noticeLine(n: StoredNotice, lang: Language) {
  const known = n.subjectKey !== null && isMessageKey(n.subjectKey);
  return {
    subject: known ? translate(n.subjectKey as MessageKey, lang, n.subjectParams ?? {}) : n.subject,
    // A message stored before subjects had keys is Portuguese: say so to an English reader's screen reader.
    subjectLang: known || lang === 'pt-BR' ? null : 'pt-BR',
    link: n.link,
    sent: translate('web.home.notification-sent', lang, {
      date: { date: new Date(n.createdAt).toISOString().slice(0, 10) },
    }),
  };
}
