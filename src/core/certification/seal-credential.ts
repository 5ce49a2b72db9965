import type { BitstringStatusListEntry } from './status-list';

/**
 * The machine-readable side of a seal: a W3C Verifiable Credential shaped as an Open Badges 3.0
 * OpenBadgeCredential, carried as a VC-JWT (the JWT claims mirror the credential). Pure: signing is elsewhere.
 */
export interface SealFacts {
  readonly number: string;
  readonly verificationUrl: string;
  readonly issuerDid: string;
  readonly publicUrl: string;
  readonly government: { readonly ibgeCode: string; readonly name: string; readonly uf: string; readonly kind: string };
  readonly editionYear: number;
  readonly issuedAt: string;
  readonly validUntil: string;
  readonly level: string | null;
  readonly index: number | null;
  /** Where verifiers read whether the seal is revoked (the W3C Bitstring Status List). */
  readonly credentialStatus: BitstringStatusListEntry;
}

/**
 * The did:web of the public address, as did:web says: the host (a port's colon percent-encoded) and then each
 * path segment after a colon. https://migracidades.ufrgs.br → did:web:migracidades.ufrgs.br;
 * http://localhost:3000 → did:web:localhost%3A3000; https://oim.org.br/migracidades → did:web:oim.org.br:migracidades.
 */
export function didWeb(publicUrl: string): string {
  const url = new URL(publicUrl);
  const segments = url.pathname.split('/').filter(Boolean);
  return ['did:web', encodeURIComponent(url.host), ...segments].join(':');
}

/** Where a did:web resolver fetches the DID document: /.well-known/did.json on a bare host, else <path>/did.json. */
export function didDocumentUrl(publicUrl: string): string {
  const url = new URL(publicUrl);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path === '' ? '/.well-known' : path}/did.json`;
}

/** Who signs the seal, as printed on it. */
export const SIGNATORIES = [
  { name: 'Reitoria', role: 'Universidade Federal do Rio Grande do Sul (UFRGS)' },
  { name: 'Chefia de Missão', role: 'Organização Internacional para as Migrações (OIM) — Brasil' },
] as const;

const ISSUER_NAME = 'Universidade Federal do Rio Grande do Sul (UFRGS), com a OIM Brasil';

export function buildCredential(f: SealFacts) {
  const subjectId = `urn:ibge:${f.government.ibgeCode}`;
  const validUntil = `${f.validUntil}T23:59:59Z`;
  const vc = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: f.verificationUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: f.issuerDid, type: ['Profile'], name: ISSUER_NAME, url: f.publicUrl },
    validFrom: f.issuedAt,
    validUntil,
    name: `Selo MigraCidades ${f.editionYear}`,
    credentialSubject: {
      id: subjectId,
      type: ['AchievementSubject'],
      name: `${f.government.name} (${f.government.uf})`,
      achievement: {
        id: `${f.publicUrl}/achievements/selo-migracidades-${f.editionYear}`,
        type: ['Achievement'],
        achievementType: 'Award',
        name: `Selo MigraCidades ${f.editionYear}`,
        description:
          'Certificação da OIM Brasil e da UFRGS a governos locais pelo aprimoramento da governança migratória.',
        criteria: { narrative: 'Concluiu todas as etapas da edição: inscrição, diagnóstico validado, priorização.' },
      },
      ...(f.level || f.index !== null
        ? {
            result: [
              {
                type: ['Result'],
                ...(f.level ? { achievedLevel: f.level } : {}),
                ...(f.index !== null ? { value: String(f.index) } : {}),
              },
            ],
          }
        : {}),
    },
    credentialStatus: f.credentialStatus,
  };
  const payload = {
    iss: f.issuerDid,
    sub: subjectId,
    jti: f.verificationUrl,
    nbf: Math.floor(Date.parse(f.issuedAt) / 1000),
    exp: Math.floor(Date.parse(validUntil) / 1000),
    vc,
  };
  return { vc, payload };
}

/** The public page that verifies a seal, printed whole on the certificate and in its QR code. */
export function verificationUrl(publicUrl: string, number: string): string {
  return `${publicUrl}/verify/${number}`;
}
