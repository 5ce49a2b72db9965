import type { LocalizedText } from '../../../core/i18n/localized-text';
import { type Language, translate } from '../../../core/i18n/message';

/** A seal as the verification service tells it. */
export interface SealFacts {
  readonly number: string;
  readonly status: 'valid' | 'revoked' | 'expired';
  readonly levelLabel: LocalizedText | null;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly revokedAt: Date | string | null;
  readonly revocationReason: string | null;
  readonly verificationUrl: string;
}

export interface DocumentsSource {
  readonly id: string;
  readonly editionYear: number;
  readonly government: { readonly name: string };
  readonly stateLabel: LocalizedText;
  /** Whether the report service can produce the report now (an approved diagnosis with its scores). */
  readonly reportReady: boolean;
  readonly seal: SealFacts | null;
  /** The edition's planned certification date (YYYY-MM-DD). */
  readonly certificationDate: string;
}

const isoDay = (value: Date | string) => (value instanceof Date ? value.toISOString() : value).slice(0, 10);

/** The three things an assessment offers to take away, each available or saying why not and when. */
export function buildDocumentsModel(source: DocumentsSource, lang: Language) {
  const base = `/avaliacoes/${encodeURIComponent(source.id)}`;
  const other: Language = lang === 'pt-BR' ? 'en' : 'pt-BR';
  const seal = source.seal;
  return {
    intro: translate('web.documents.intro', lang, { year: source.editionYear, government: source.government.name }),
    report: {
      available: source.reportReady,
      href: `${base}/relatorio.pdf?idioma=${lang}`,
      otherHref: `${base}/relatorio.pdf?idioma=${other}`,
      otherLang: other,
      why: source.reportReady ? null : translate('web.documents.report.not-ready', lang, { state: source.stateLabel }),
    },
    seal: {
      heading: translate('web.documents.seal.heading', lang, { year: source.editionYear }),
      available: seal !== null,
      facts: seal
        ? {
            number: seal.number,
            level: seal.levelLabel?.[lang] ?? translate('web.documents.seal.no-level', lang),
            validity: translate('web.documents.seal.validity-value', lang, {
              from: { date: seal.validFrom },
              until: { date: seal.validUntil },
            }),
            status: translate(`certification.status.${seal.status}`, lang),
            revoked: seal.revokedAt
              ? translate('web.documents.seal.revoked', lang, {
                  date: { date: isoDay(seal.revokedAt) },
                  reason: seal.revocationReason,
                })
              : null,
            verificationUrl: seal.verificationUrl,
            href: `${base}/selo.pdf`,
          }
        : null,
      why: seal ? null : translate('web.documents.seal.not-issued', lang, { state: source.stateLabel }),
      when: seal ? null : translate('web.documents.seal.expected', lang, { date: { date: source.certificationDate } }),
    },
    print: { href: `${base}/imprimir`, pdfHref: `${base}/imprimir.pdf` },
  };
}
