import { ASSESSMENT_STATES, STATE_LABELS, type AssessmentState } from '../../core/assessment/assessment-state';
import { brasiliaTime } from '../../core/assessment/item-name';
import { formatDate, type Language, translate } from '../../core/i18n/message';
import type { QueuePageFilter, QueueScreen } from '../../core/review/review-queue.service';

export const QUEUE_PAGE_SIZE = 25;

/** The 26 states and the Distrito Federal. */
export const UFS = [
  'AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA', 'PB', 'PE', 'PI', 'PR',
  'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO',
] as const; // prettier-ignore

/** The queue's filters as the form sends them: anything unknown is ignored rather than refused. */
export interface QueueQuery {
  readonly edicao: string;
  readonly uf: string;
  readonly situacao: string;
  readonly revisor: string;
  readonly pagina: number;
}

/** The reviewer is kept as given: the queue (queueScreen) filters by reviewers it knows, and says which it applied. */
export function readQueueQuery(query: Record<string, unknown>): QueueQuery {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const page = Number.parseInt(text(query.pagina), 10);
  return {
    edicao: /^\d{4}$/.test(text(query.edicao)) ? text(query.edicao) : '',
    uf: (UFS as readonly string[]).includes(text(query.uf).toUpperCase()) ? text(query.uf).toUpperCase() : '',
    situacao: (ASSESSMENT_STATES as readonly string[]).includes(text(query.situacao)) ? text(query.situacao) : '',
    revisor: text(query.revisor).slice(0, 36),
    pagina: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function queueFilter(q: QueueQuery): QueuePageFilter {
  return {
    ...(q.edicao ? { edition: Number(q.edicao) } : {}),
    ...(q.uf ? { uf: q.uf } : {}),
    ...(q.situacao ? { status: q.situacao as AssessmentState } : {}),
    ...(q.revisor ? { reviewer: q.revisor } : {}),
    limit: QUEUE_PAGE_SIZE,
    offset: (q.pagina - 1) * QUEUE_PAGE_SIZE,
  };
}

/** The address of the queue with these filters on another page. */
export function queueHref(q: QueueQuery, page: number): string {
  const params = new URLSearchParams();
  for (const k of ['edicao', 'uf', 'situacao', 'revisor'] as const) if (q[k]) params.set(k, q[k]);
  if (page > 1) params.set('pagina', String(page));
  const s = params.toString();
  return s ? `/revisao?${s}` : '/revisao';
}

/** The queue page: the filters' choices, the rows, and the paging links; the filters as the queue applied them. */
export function queueView(
  { page, reviewers, editionYears: editions, filter }: QueueScreen,
  asked: QueueQuery,
  lang: Language,
) {
  const q: QueueQuery = { ...asked, revisor: filter.reviewer ?? '' };
  const pages = Math.max(1, Math.ceil(page.total / QUEUE_PAGE_SIZE));
  return {
    editions: editions.map((y) => ({ value: String(y), label: String(y), selected: String(y) === q.edicao })),
    ufs: UFS.map((uf) => ({ value: uf, label: uf, selected: uf === q.uf })),
    states: ASSESSMENT_STATES.map((s) => ({ value: s, label: STATE_LABELS[s][lang], selected: s === q.situacao })),
    reviewers: reviewers.map((r) => ({ value: r.id, label: r.name, selected: r.id === q.revisor })),
    total: translate('web.review.queue.total', lang, { count: page.total }),
    rows: page.items.map((i) => {
      const at = i.submittedAt ? brasiliaTime(new Date(i.submittedAt)) : null;
      return {
        href: `/revisao/${encodeURIComponent(i.id)}`,
        government: `${i.government.name} (${i.government.uf})`,
        edition: i.editionYear,
        state: STATE_LABELS[i.state][lang],
        round: i.round,
        submitted: at ? formatDate(at.date, lang) : '',
        reviewer: i.reviewerName ?? translate('web.review.queue.no-reviewer', lang),
      };
    }),
    paging: {
      show: pages > 1,
      text: translate('web.review.queue.page', lang, { page: Math.min(q.pagina, pages), pages }),
      previous: q.pagina > 1 ? queueHref(q, Math.min(q.pagina, pages + 1) - 1) : null,
      next: q.pagina < pages ? queueHref(q, q.pagina + 1) : null,
    },
  };
}
