import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { type EntityManager, MoreThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AssessmentWorkflow } from '../assessment/assessment-workflow.service';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { type Actor, requireRole } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { EditionEntity } from '../editions/edition.entity';
import { DomainError } from '../errors/domain-error';
import { FilesService } from '../files/files.service';
import { GovernmentEntity } from '../governments/government.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { PdfRendererService } from '../rendering/pdf-renderer.service';
import { TemplatesService } from '../rendering/templates.service';
import { MATURITY_LEVELS } from '../scoring/scoring-policy';
import { CertificateEntity } from './certificate.entity';
import { certificationEligibility, sealStatus } from './certification-rules';
import { IssuerKeysService } from './issuer-keys.service';
import { SIGNATORIES, buildCredential } from './seal-credential';

const text = (pt: string, en: string) => ({ 'pt-BR': pt, en });
const today = () => new Date().toISOString().slice(0, 10);

function addYear(date: string): string {
  return `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Issues, re-issues, revokes and verifies the Selo MigraCidades. */
@Injectable()
export class CertificationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workflow: AssessmentWorkflow,
    private readonly files: FilesService,
    private readonly keys: IssuerKeysService,
    private readonly renderer: PdfRendererService,
    private readonly templates: TemplatesService,
    private readonly notifications: NotificationsService,
    private readonly auth: AuthService,
  ) {}

  verificationUrl(number: string): string {
    return `${this.config.publicUrl}/verify/${number}`;
  }

  /** Issues the seal of an eligible assessment: PDF with QR code and embedded signed credential. */
  async issue(
    actor: Actor,
    assessmentId: string,
    replacing?: CertificateEntity,
    /** Runs inside the issuing transaction (e.g. a batch marks its item done with the seal). */
    alsoInTransaction?: (tx: EntityManager, seal: CertificateEntity) => Promise<void>,
  ): Promise<CertificateEntity> {
    requireRole(actor, 'certifier');
    const em = this.workflow.dataSource.manager;
    const assessment = await this.workflow.load(em, actor, assessmentId);
    const edition = await em.findOneByOrFail(EditionEntity, { year: assessment.editionYear });
    const government = await em.findOneByOrFail(GovernmentEntity, { ibgeCode: assessment.governmentCode });
    const eligibility = certificationEligibility(replacing ? 'priorities-set' : assessment.state, assessment.scoreSnapshot, edition.certificationRule);
    if (!eligibility.eligible) {
      throw new DomainError('NOT_ELIGIBLE', text(
        `${government.name} não cumpre a regra de certificação da edição ${edition.year}: ${eligibility.reasons.map((r) => r['pt-BR']).join('; ')}.`,
        `${government.name} does not meet edition ${edition.year}'s certification rule: ${eligibility.reasons.map((r) => r.en).join('; ')}.`,
      ), [], { reasons: eligibility.reasons });
    }
    const next = await em.findOne(EditionEntity, { where: { year: MoreThan(edition.year) }, order: { year: 'ASC' } });
    const validUntil = next?.calendar.certificationDate ?? addYear(edition.calendar.certificationDate);
    const issuedAt = new Date().toISOString();
    const number = await this.nextNumber(edition.year);
    const snapshot = assessment.scoreSnapshot!;
    const credential = buildCredential({
      number, verificationUrl: this.verificationUrl(number), issuerDid: this.keys.did, publicUrl: this.config.publicUrl,
      government: { ibgeCode: government.ibgeCode, name: government.name, uf: government.uf, kind: government.kind },
      editionYear: edition.year, issuedAt, validUntil, level: eligibility.level, index: snapshot.index.index,
    });
    const jwt = this.keys.signJwt(credential.payload, 'vc+jwt');
    const pdf = await this.renderSeal({ number, government, edition: edition.year, issuedAt, validUntil, level: eligibility.level, jwt, credential: credential.vc });

    const seal = await this.files.transactionWithUploads(async (tx, stage) => {
      const fresh = await tx.findOneByOrFail(AssessmentEntity, { id: assessmentId });
      const stored = await stage({ field: 'seal', fileName: `${number}.pdf`, declaredMime: 'application/pdf', bytes: pdf }, ['pdf'], 'seal');
      if (replacing) {
        await tx.update(CertificateEntity, { number: replacing.number }, { revokedAt: new Date(), revokedBy: actor.id, revocationReason: replacing.revocationReason, replacedBy: number });
      }
      const row = tx.create(CertificateEntity, {
        number, assessmentId, governmentCode: government.ibgeCode, editionYear: edition.year, issuedAt, issuedBy: actor.id, validUntil,
        level: eligibility.level, snapshot, credential: jwt, pdfSha256: stored.file, revokedAt: null, revokedBy: null, revocationReason: null, replacedBy: null,
      });
      await tx.insert(CertificateEntity, row);
      if (!replacing) await this.workflow.move(tx, fresh, 'certify', actor);
      await alsoInTransaction?.(tx, row);
      await this.workflow.audit.record(tx, actor, {
        action: replacing ? 'certificate.reissue' : 'certificate.issue', entity: 'certificate', entityId: number, assessmentId,
        before: replacing ? { number: replacing.number } : null, after: { number, validUntil, level: eligibility.level, index: snapshot.index.index, pdfSha256: stored.file },
      });
      const officials = await this.auth.officialsOf(government.ibgeCode);
      await this.notifications.enqueue(tx, [...officials.map((o) => ({ email: o.email, userId: o.id })), { email: fresh.enrolment.focalPerson.email }], {
        kind: 'seal-issued',
        subject: `Selo MigraCidades ${edition.year} emitido: ${government.name}`,
        body: `Olá,\n\n${government.name} (${government.uf}) recebeu o Selo MigraCidades ${edition.year}, número ${number}, válido até ${formatDate(validUntil)}.\nVerificação pública: ${this.verificationUrl(number)}`,
      });
      return row;
    });
    void this.notifications.deliver();
    return seal;
  }

  /** Reserves the edition's next seal number; a failed issuance leaves a gap, never a duplicate. */
  private async nextNumber(year: number): Promise<string> {
    const last = await this.workflow.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO certificate_counters (edition_year, last) VALUES (?, 1) ON CONFLICT (edition_year) DO UPDATE SET last = last + 1`, [year],
      );
      const [row] = (await em.query('SELECT last FROM certificate_counters WHERE edition_year = ?', [year])) as { last: number }[];
      return row.last;
    });
    return `MC-${year}-${String(last).padStart(5, '0')}`;
  }

  private async renderSeal(input: {
    number: string; government: GovernmentEntity; edition: number; issuedAt: string; validUntil: string; level: string | null; jwt: string; credential: object;
  }): Promise<Buffer> {
    const url = this.verificationUrl(input.number);
    const qr = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    const level = input.level ? MATURITY_LEVELS.find((l) => l.key === input.level)!.label['pt-BR'] : null;
    const html = this.templates.render('certificate', {
      number: input.number,
      governmentName: input.government.name,
      governmentKind: input.government.kind === 'state' ? 'Estado' : 'Município',
      uf: input.government.uf,
      stateName: input.government.stateName,
      year: input.edition,
      level,
      issueDate: formatDate(input.issuedAt),
      validUntil: formatDate(input.validUntil),
      signatories: SIGNATORIES,
      verificationUrl: url,
      qrSvg: qr,
    });
    const rendered = await this.renderer.render(html, { landscape: true });
    const doc = await PDFDocument.load(rendered);
    doc.setTitle(`Selo MigraCidades ${input.edition} — ${input.government.name}`);
    doc.setSubject(input.number);
    doc.setKeywords(['MigraCidades', input.number, url]);
    doc.setAuthor('Universidade Federal do Rio Grande do Sul (UFRGS) e OIM Brasil');
    doc.setCreator('MigraCidades engine');
    await doc.attach(Buffer.from(input.jwt), 'credential.jwt', { mimeType: 'application/vc+jwt', description: 'Verifiable Credential (VC-JWT, EdDSA)' });
    await doc.attach(Buffer.from(JSON.stringify(input.credential, null, 2)), 'credential.json', { mimeType: 'application/json', description: 'Open Badges 3.0 credential' });
    return Buffer.from(await doc.save());
  }

  async get(number: string): Promise<CertificateEntity> {
    const seal = await this.workflow.dataSource.getRepository(CertificateEntity).findOneBy({ number });
    if (!seal) throw new DomainError('CERTIFICATE_NOT_FOUND', text(`Selo ${number} não encontrado.`, `Seal ${number} not found.`));
    return seal;
  }

  async revoke(actor: Actor, number: string, reason: string): Promise<CertificateEntity> {
    requireRole(actor, 'certifier');
    return this.workflow.dataSource.transaction(async (em) => {
      const seal = await em.findOneBy(CertificateEntity, { number });
      if (!seal) throw new DomainError('CERTIFICATE_NOT_FOUND', text(`Selo ${number} não encontrado.`, `Seal ${number} not found.`));
      if (seal.revokedAt) throw new DomainError('ILLEGAL_TRANSITION', text(`O selo ${number} já foi revogado.`, `Seal ${number} is already revoked.`));
      const patch = { revokedAt: new Date(), revokedBy: actor.id, revocationReason: reason };
      await em.update(CertificateEntity, { number }, patch);
      await this.workflow.audit.record(em, actor, { action: 'certificate.revoke', entity: 'certificate', entityId: number, assessmentId: seal.assessmentId, before: { revokedAt: null }, after: patch });
      return { ...seal, ...patch };
    });
  }

  /** Issues a new seal for the same assessment; the earlier one is revoked and points to it. */
  async reissue(actor: Actor, number: string, reason: string): Promise<CertificateEntity> {
    const old = await this.get(number);
    if (old.revokedAt) throw new DomainError('ILLEGAL_TRANSITION', text(`O selo ${number} foi revogado e não pode ser reemitido.`, `Seal ${number} is revoked and cannot be re-issued.`));
    return this.issue(actor, old.assessmentId, { ...old, revocationReason: `Reemitido: ${reason}` });
  }

  /** The seals of an edition, for the public list of certified governments. */
  async listForEdition(year: number) {
    const rows = (await this.workflow.dataSource.query(
      `SELECT c.number, c.government_code AS ibgeCode, g.name, g.uf, g.kind, c.issued_at AS issuedAt, c.valid_until AS validUntil, c.revoked_at AS revokedAt, c.replaced_by AS replacedBy
       FROM certificates c JOIN governments g ON g.ibge_code = c.government_code WHERE c.edition_year = ? ORDER BY c.number`, [year],
    )) as { number: string; revokedAt: string | null; validUntil: string }[];
    return rows.map((r) => ({ ...r, status: sealStatus({ revokedAt: r.revokedAt ? new Date(r.revokedAt) : null, validUntil: r.validUntil }, today()), verificationUrl: this.verificationUrl(r.number) }));
  }

  /** Public status of a seal number. */
  async verify(number: string) {
    const seal = await this.workflow.dataSource.getRepository(CertificateEntity).findOneBy({ number });
    if (!seal) return { number, status: 'unknown' as const, authentic: false };
    const government = await this.workflow.dataSource.getRepository(GovernmentEntity).findOneByOrFail({ ibgeCode: seal.governmentCode });
    return {
      number,
      status: sealStatus(seal, today()),
      authentic: true,
      government: { ibgeCode: government.ibgeCode, name: government.name, uf: government.uf, kind: government.kind },
      editionYear: seal.editionYear,
      issuedAt: seal.issuedAt,
      validUntil: seal.validUntil,
      level: seal.level,
      index: seal.snapshot.index.index,
      revokedAt: seal.revokedAt,
      revocationReason: seal.revocationReason,
      replacedBy: seal.replacedBy,
      verificationUrl: this.verificationUrl(number),
    };
  }

  /** Is this PDF or credential one the university issued, unaltered? Then its seal's status. */
  async verifyDocument(input: { pdf?: Buffer; credential?: string }) {
    if (input.pdf) {
      const sha = createHash('sha256').update(input.pdf).digest('hex');
      const seal = await this.workflow.dataSource.getRepository(CertificateEntity).findOneBy({ pdfSha256: sha });
      if (seal) return this.verify(seal.number);
      const claimed = await PDFDocument.load(input.pdf, { updateMetadata: false }).then((d) => d.getSubject() ?? null).catch(() => null);
      return { number: claimed, status: 'not-authentic' as const, authentic: false, reason: text('o PDF não é um selo emitido ou foi alterado', 'the PDF is not an issued seal or was altered') };
    }
    const payload = input.credential ? this.keys.verifyJwt(input.credential) : null;
    const number = typeof payload?.jti === 'string' ? payload.jti.split('/').pop()! : null;
    const seal = number ? await this.workflow.dataSource.getRepository(CertificateEntity).findOneBy({ number }) : null;
    if (!payload || !seal || seal.credential !== input.credential?.trim()) {
      return { number, status: 'not-authentic' as const, authentic: false, reason: text('a assinatura da credencial não confere', 'the credential\u2019s signature does not hold') };
    }
    return this.verify(seal.number);
  }
}
