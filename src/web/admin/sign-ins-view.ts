import { SIGN_IN_OUTCOMES, type SignInOutcome } from '../../core/auth/sign-in-outcomes';
import type { SignInQuery, SignInView } from '../../core/auth/sign-ins.service';
import { SIGN_IN_THROTTLE } from '../../core/auth/sign-in-throttle';
import { type Language, translate } from '../../core/i18n/message';

export const SIGN_INS_PAGE_SIZE = 50;

/** The list's filters as typed in its query string (`?email=&resultado=&endereco=&pagina=`), checked. */
export interface SignInFilters {
  readonly email: string;
  readonly outcome: SignInOutcome | '';
  readonly address: string;
  readonly page: number;
}

export function signInFilters(query: Readonly<Record<string, unknown>>): SignInFilters {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const outcome = str(query.resultado);
  const page = Number(str(query.pagina));
  return {
    email: str(query.email).slice(0, 200),
    outcome: (SIGN_IN_OUTCOMES as readonly string[]).includes(outcome) ? (outcome as SignInOutcome) : '',
    address: str(query.endereco).slice(0, 64),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The service's query for a page of the list. */
export const signInQuery = (f: SignInFilters): SignInQuery => ({
  email: f.email || undefined,
  outcome: f.outcome || undefined,
  address: f.address || undefined,
  limit: SIGN_INS_PAGE_SIZE,
  offset: (f.page - 1) * SIGN_INS_PAGE_SIZE,
});

const outcomeLabel = (outcome: SignInOutcome, lang: Language) =>
  translate(`web.admin.sign-ins.outcome.${outcome}`, lang);

const LOCALES: Record<Language, string> = { 'pt-BR': 'pt-BR', en: 'en-GB' };

/** "01/12/2026 14:05:09" in Brasília time, the programme's reference clock for people. */
function when(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: 'America/Sao_Paulo',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

/** Browsers name themselves at length: the table shows the start, the whole in a tooltip. */
const AGENT_SHOWN = 40;
const shortAgent = (agent: string | null) =>
  !agent ? '' : agent.length > AGENT_SHOWN ? `${agent.slice(0, AGENT_SHOWN)}…` : agent;

/** One row of the table. */
export function signInRow(row: SignInView, lang: Language) {
  return {
    when: when(row.attemptedAt, lang),
    datetime: row.attemptedAt,
    email: row.email,
    userHref: row.userId ? `/admin/usuarios/${row.userId}` : null,
    outcome: outcomeLabel(row.outcome, lang),
    refused: row.outcome === 'throttled',
    address: row.address,
    agent: shortAgent(row.userAgent),
    agentFull: row.userAgent && row.userAgent.length > AGENT_SHOWN ? row.userAgent : null,
    delay: row.delayMs > 0 ? translate('web.admin.sign-ins.delay-ms', lang, { ms: row.delayMs }) : '',
  };
}

/** The outcome options of the filter, the current one chosen. */
export const outcomeOptions = (lang: Language, selected: string) =>
  SIGN_IN_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o, lang), selected: o === selected }));

/** The throttling rules in words, so that the administrator reads the list knowing them. */
export const throttleRules = (lang: Language) =>
  translate('web.admin.sign-ins.rules', lang, {
    accountSlow: SIGN_IN_THROTTLE.account.slowAfter,
    accountRefuse: SIGN_IN_THROTTLE.account.refuseAt,
    addressSlow: SIGN_IN_THROTTLE.address.slowAfter,
    addressRefuse: SIGN_IN_THROTTLE.address.refuseAt,
    minutes: SIGN_IN_THROTTLE.windowMs / 60_000,
  });

/** How long the record keeps an attempt (SIGN_IN_RETENTION_DAYS), so that no one looks for an older one. */
export const retentionNote = (lang: Language, days: number | null) =>
  days === null
    ? translate('web.admin.sign-ins.retention-off', lang)
    : translate('web.admin.sign-ins.retention', lang, { days });

/** Links to the previous and next pages, keeping the filters; "página 2 de 5". */
export function signInPagination(f: SignInFilters, total: number, lang: Language) {
  const pages = Math.max(1, Math.ceil(total / SIGN_INS_PAGE_SIZE));
  const href = (page: number) => {
    const q = new URLSearchParams();
    if (f.email) q.set('email', f.email);
    if (f.outcome) q.set('resultado', f.outcome);
    if (f.address) q.set('endereco', f.address);
    q.set('pagina', String(page));
    return `/admin/acessos?${q.toString()}`;
  };
  return {
    text: translate('web.admin.sign-ins.page', lang, { page: Math.min(f.page, pages), pages, total }),
    previous: f.page > 1 ? href(f.page - 1) : null,
    next: f.page < pages ? href(f.page + 1) : null,
  };
}
