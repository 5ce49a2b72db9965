import type { LocalizedText } from '../../core/i18n/localized-text';
import { formatDate, formatNumber, type Language, type MessageKey, translate } from '../../core/i18n/message';

/** Seals per page of the public list: a national edition certifies thousands of governments. */
export const CERTIFIED_PAGE_SIZE = 100;

/** The registry's page of an edition's seals (see SealRegistryService.certifiedPage). */
export interface CertifiedSource {
  readonly year: number;
  readonly editions: readonly number[];
  readonly seals: readonly {
    readonly number: string;
    readonly ibgeCode: string;
    readonly name: string;
    readonly uf: string;
    readonly kind: string;
    readonly issuedAt: string;
    readonly validFrom: string | null;
    readonly validUntil: string;
    readonly status: 'valid' | 'expired' | 'revoked';
    readonly levelLabel: LocalizedText | null;
    readonly verificationUrl: string;
  }[];
  /** Seals matching the filter, of which `seals` is the page from `offset`. */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly counts: {
    readonly issued: number;
    readonly valid: number;
    readonly expired: number;
    readonly revoked: number;
  };
}

/** `?pagina=N` as the page asks it: a whole number from 1, else the first page. */
export function certifiedPaging(pagina: unknown): { limit: number; offset: number } {
  const page = typeof pagina === 'string' && /^\d{1,6}$/.test(pagina) ? Math.max(1, Number(pagina)) : 1;
  return { limit: CERTIFIED_PAGE_SIZE, offset: (page - 1) * CERTIFIED_PAGE_SIZE };
}

const date = (value: string, lang: Language) => formatDate(value, lang);

/**
 * The certified governments of an edition, each with its seal's status in words and its verification link, a
 * page at a time with links to the others (the state filter kept).
 */
export function buildCertified(page: CertifiedSource, lang: Language, uf: string | null = null) {
  const t = (key: MessageKey, params = {}) => translate(key, lang, params);
  const pages = Math.max(1, Math.ceil(page.total / page.limit));
  const current = Math.floor(page.offset / page.limit) + 1;
  const href = (n: number) => {
    const q = new URLSearchParams();
    if (uf) q.set('uf', uf);
    if (n > 1) q.set('pagina', String(n));
    const query = q.toString();
    return `/certificados/${page.year}${query ? `?${query}` : ''}`;
  };
  return {
    year: page.year,
    heading: t('web.public.certified.heading', { year: page.year }),
    editions: page.editions.map((y) => ({ year: y, href: `/certificados/${y}`, current: y === page.year })),
    counts: page.counts,
    seals: page.seals.map((s) => ({
      number: s.number,
      government: `${s.name} (${s.uf})`,
      kind: t(s.kind === 'state' ? 'web.public.certified.kind.state' : 'web.public.certified.kind.municipality'),
      governmentHref: `/governos/${s.ibgeCode}`,
      level: s.levelLabel?.[lang] ?? t('web.public.certified.no-level'),
      validity: t('web.public.verify.validity', {
        from: date(s.validFrom ?? s.issuedAt, lang),
        until: date(s.validUntil, lang),
      }),
      status: s.status,
      statusText: t(`web.public.verify.status.${s.status}`),
      verificationUrl: s.verificationUrl,
    })),
    pager:
      pages > 1
        ? {
            text: t('web.public.certified.showing', {
              from: formatNumber(Math.min(page.offset + 1, page.total), lang),
              to: formatNumber(Math.min(page.offset + page.seals.length, page.total), lang),
              total: formatNumber(page.total, lang),
              page: Math.min(current, pages),
              pages,
            }),
            previous: current > 1 ? href(Math.min(current, pages + 1) - 1) : null,
            next: current < pages ? href(current + 1) : null,
          }
        : null,
  };
}
