import { Inject, Injectable } from '@nestjs/common';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AssessmentWorkflow } from '../assessment/assessment-workflow.service';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { type Actor, requireGovernmentAccess, requireRole } from '../auth/actor';
import { UserDirectory } from '../auth/user-directory.service';
import { Clock } from '../clock/clock';
import { EditionEntity } from '../editions/edition.entity';
import { sealValidUntil, stagesOf } from '../editions/edition-rules';
import { dialectOfRunner, rawQuery } from '../../database/portable-sql';
import { DomainError } from '../errors/domain-error';
import { FilesService } from '../files/files.service';
import { GovernmentEntity } from '../governments/government.entity';
import { formatDate, formatNumber, message, translate } from '../i18n/message';
import { NotificationsService } from '../notifications/notifications.service';
import { attachFiles, eachPage, savePage } from '../rendering/pdf-pages';
import { PdfRendererService } from '../rendering/pdf-renderer.service';
import { TemplatesService } from '../rendering/templates.service';
import { levelLabel } from '../scoring/scoring-policy';
import { CertificateEntity } from './certificate.entity';
import { certificationEligibility, wouldBeExpired } from './certification-rules';
import { IssuerKeysService } from './issuer-keys.service';
import { buildCredential, verificationUrl } from './seal-credential';
import type { EditionSignatories } from './signatories';
import { SignatoriesService } from './signatories.service';
import { StatusListService } from './status-list.service';
import { certificationReadiness } from './certification-readiness';
import { type AlsoInTransaction, type PrintedSeal, type SealDraft, SealRecording } from './seal-recording';

/** Issues, re-issues and revokes the Selo MigraCidades (what anyone may check: SealRegistryService). */
@Injectable()
export class CertificationService {
  private readonly recording: SealRecording;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workflow: AssessmentWorkflow,
    private readonly files: FilesService,
    private readonly keys: IssuerKeysService,
    private readonly renderer: PdfRendererService,
    private readonly templates: TemplatesService,
    private readonly notifications: NotificationsService,
    private readonly users: UserDirectory,
    private readonly clock: Clock,
    private readonly statusList: StatusListService,
    private readonly signatories: SignatoriesService,
  ) {
    this.recording = new SealRecording(config, workflow, files, notifications, clock);
  }

  verificationUrl(number: string): string {
    return verificationUrl(this.config.publicUrl, number);
  }

  /** Issues the seal of an eligible assessment: PDF with QR code and embedded signed credential. */
  async issue(
    actor: Actor,
    assessmentId: string,
    replacing?: CertificateEntity,
    /** Runs inside the issuing transaction (e.g. a batch marks its item done with the seal). */
    alsoInTransaction?: AlsoInTransaction,
  ): Promise<CertificateEntity> {
    requireRole(actor, 'certifier');
    const { drafts, refused } = await this.prepare(actor, [assessmentId], replacing);
    if (refused.length > 0) throw refused[0].error;
    const [seal] = await this.recording.record(actor, await this.print(drafts), replacing, alsoInTransaction);
    void this.notifications.deliver();
    return seal;
  }

  /**
   * Issues many seals at once, as a batch does: they are printed as pages of one document and split, and
   * recorded in one transaction, so that either all of them are issued or none is. An assessment that cannot
   * be prepared (e.g. no longer eligible) is reported in `refused` and does not stop the others.
   */
  async issueMany(
    actor: Actor,
    assessmentIds: readonly string[],
    alsoInTransaction?: AlsoInTransaction,
  ): Promise<{ issued: CertificateEntity[]; refused: { assessmentId: string; error: Error }[] }> {
    requireRole(actor, 'certifier');
    const { drafts, refused } = await this.prepare(actor, assessmentIds);
    const issued =
      drafts.length > 0
        ? await this.recording.record(actor, await this.print(drafts), undefined, alsoInTransaction)
        : [];
    if (issued.length > 0) void this.notifications.deliver();
    return { issued, refused };
  }

  /** Everything the seals need that is read from the database (a few queries for any number), checked against each edition's rule. */
  private async prepare(actor: Actor, assessmentIds: readonly string[], replacing?: CertificateEntity) {
    const em = this.workflow.dataSource.manager;
    const assessments = new Map(
      (await em.findBy(AssessmentEntity, { id: In([...assessmentIds]) })).map((a) => [a.id, a]),
    );
    const codes = [...new Set([...assessments.values()].map((a) => a.governmentCode))];
    const governments = new Map(
      (await em.findBy(GovernmentEntity, { ibgeCode: In(codes) })).map((g) => [g.ibgeCode, g]),
    );
    const officials = await this.users.officialsOf(codes);
    const editions = await em.find(EditionEntity, { order: { year: 'ASC' } });
    const drafts: SealDraft[] = [];
    const refused: { assessmentId: string; error: Error }[] = [];
    const today = this.clock.today();
    for (const id of assessmentIds) {
      try {
        const assessment = assessments.get(id);
        if (!assessment) throw new DomainError('ASSESSMENT_NOT_FOUND', message('certification.assessment-not-found'));
        requireGovernmentAccess(actor, assessment.governmentCode);
        const at = editions.findIndex((e) => e.year === assessment.editionYear);
        const edition = editions[at];
        const government = governments.get(assessment.governmentCode)!;
        const eligibility = certificationEligibility(
          stagesOf(assessment),
          assessment.scoreSnapshot,
          edition.certificationRule,
        );
        if (!eligibility.eligible) {
          throw new DomainError(
            'NOT_ELIGIBLE',
            message('certification.not-eligible', {
              government: government.name,
              year: edition.year,
              reasons: { list: eligibility.reasons },
            }),
            [],
            { reasons: eligibility.reasons, missingStages: eligibility.missingStages },
          );
        }
        // A first seal needs the assessment at "priorities set" (a second one is a re-issue).
        if (!replacing) this.workflow.target(assessment, 'certify', actor);
        const validUntil = sealValidUntil(
          edition.sealValidity,
          today,
          editions[at + 1]?.calendar.certificationDate ?? null,
        );
        if (wouldBeExpired(validUntil, today)) {
          throw new DomainError(
            'SEAL_WOULD_BE_EXPIRED',
            message('certification.seal-would-be-expired', {
              government: government.name,
              year: edition.year,
              today: { date: today },
              validUntil: { date: validUntil },
            }),
            [],
            { issueDate: today, validUntil, sealValidity: edition.sealValidity },
          );
        }
        drafts.push({
          assessment,
          edition,
          government,
          level: eligibility.level,
          validFrom: today,
          validUntil,
          officials: officials.filter((o) => o.governmentCode === government.ibgeCode),
        });
      } catch (error) {
        refused.push({ assessmentId: id, error: error as Error });
      }
    }
    return { drafts, refused };
  }

  /** Numbers, signed credentials and PDFs for the drafts, printed as pages of one document. */
  private async print(drafts: readonly SealDraft[]): Promise<PrintedSeal[]> {
    const issuedAt = this.clock.now().toISOString();
    const numbers = new Map<SealDraft, string>();
    for (const year of new Set(drafts.map((d) => d.edition.year))) {
      const ofYear = drafts.filter((d) => d.edition.year === year);
      const reserved = await this.reserveNumbers(year, ofYear.length);
      ofYear.forEach((d, i) => numbers.set(d, reserved[i]));
    }
    const slots = await this.statusList.reserve(drafts.length);
    const seals = drafts.map((draft, i) => {
      const number = numbers.get(draft)!;
      const { government, edition } = draft;
      const credential = buildCredential({
        number,
        verificationUrl: this.verificationUrl(number),
        issuerDid: this.keys.did,
        publicUrl: this.config.publicUrl,
        government: { ibgeCode: government.ibgeCode, name: government.name, uf: government.uf, kind: government.kind },
        editionYear: edition.year,
        issuedAt,
        validUntil: draft.validUntil,
        level: draft.level,
        index: draft.assessment.scoreSnapshot!.index.index,
        credentialStatus: this.statusList.entry(slots[i]),
      });
      return {
        ...draft,
        number,
        issuedAt,
        statusSlot: slots[i],
        jwt: this.keys.signJwt(credential.payload, 'vc+jwt'),
        credential: credential.vc,
      };
    });
    const signatories = await this.signatories.ofEditions(drafts.map((d) => d.edition.year));
    const pages = await Promise.all(seals.map((s) => this.pageContext(s, signatories.get(s.edition.year)!)));
    // The seal is a Brazilian document: printed in Portuguese.
    const html = this.templates.render('certificate', { lang: 'pt-BR', year: drafts[0].edition.year, seals: pages });
    const printed = await this.renderer.render(html, { landscape: true });
    return eachPage(printed, seals.length, async (page, i) => ({
      ...seals[i],
      pdf: await this.finish(page, seals[i]),
    }));
  }

  private async pageContext(seal: Omit<PrintedSeal, 'pdf'>, signatories: EditionSignatories) {
    const index = seal.assessment.scoreSnapshot?.index.index ?? null;
    const url = this.verificationUrl(seal.number);
    return {
      number: seal.number,
      governmentName: seal.government.name,
      governmentKind: translate(
        seal.government.kind === 'state' ? 'certification.kind.state' : 'certification.kind.municipality',
        'pt-BR',
      ),
      uf: seal.government.uf,
      stateName: seal.government.stateName,
      year: seal.edition.year,
      level: levelLabel(seal.level)?.['pt-BR'] ?? null,
      issueDate: formatDate(seal.issuedAt, 'pt-BR'),
      validFrom: formatDate(seal.validFrom, 'pt-BR'),
      validUntil: formatDate(seal.validUntil, 'pt-BR'),
      index: index === null ? null : formatNumber(Math.round(index * 10) / 10, 'pt-BR'),
      signatories: [signatories.university, signatories.iom].map((s) => ({
        name: s.name,
        role: s.title,
        signature: s.signature,
      })),
      logos: { university: signatories.universityLogo, iom: signatories.iomLogo },
      verificationUrl: url,
      qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
    };
  }

  /** Metadata and the embedded credential (as VC-JWT and as readable JSON) on one seal's PDF. */
  private async finish(doc: PDFDocument, seal: Omit<PrintedSeal, 'pdf'>): Promise<Buffer> {
    const url = this.verificationUrl(seal.number);
    doc.setTitle(`Selo MigraCidades ${seal.edition.year} — ${seal.government.name}`);
    doc.setSubject(seal.number);
    doc.setKeywords(['MigraCidades', seal.number, url]);
    doc.setAuthor('Universidade Federal do Rio Grande do Sul (UFRGS) e OIM Brasil');
    doc.setCreator('MigraCidades engine');
    doc.setProducer('MigraCidades engine (Chromium, pdf-lib)');
    attachFiles(doc, [
      {
        name: 'credential.jwt',
        bytes: Buffer.from(seal.jwt),
        mimeType: 'application/vc+jwt',
        description: 'Verifiable Credential (VC-JWT, EdDSA)',
      },
      {
        name: 'credential.json',
        bytes: Buffer.from(JSON.stringify(seal.credential, null, 2)),
        mimeType: 'application/json',
        description: 'Open Badges 3.0 credential',
      },
    ]);
    return savePage(doc);
  }

  /**
   * Reserves the edition's next seal numbers from the edition's counter row, moved by one statement that every
   * process of the deployment goes through (PostgreSQL holds the row locked until the commit, SQLite has one
   * writer): numbers are never read as MAX()+1 nor kept in memory, so no two processes give the same one. The
   * reservation commits before the seals are printed (a number is printed and signed into its seal, and holding
   * the counter through a print would make every process print in turn): a failed issuance leaves a gap, never
   * a duplicate.
   */
  private async reserveNumbers(year: number, count: number): Promise<string[]> {
    const last = await this.workflow.dataSource.transaction(async (em) => {
      const bump = `INSERT INTO certificate_counters (edition_year, last) VALUES (?, ?)
        ON CONFLICT (edition_year) DO UPDATE SET last = certificate_counters.last + ?`;
      if (dialectOfRunner(em) === 'postgres') {
        const [row] = await rawQuery<{ last: number }>(em, `${bump} RETURNING last`, [year, count, count]);
        return Number(row.last);
      }
      // SQLite: TypeORM runs an INSERT without reading its rows, so the new value is read in the same transaction.
      await rawQuery(em, bump, [year, count, count]);
      const [row] = await rawQuery<{ last: number }>(
        em,
        'SELECT last FROM certificate_counters WHERE edition_year = ?',
        [year],
      );
      return row.last;
    });
    return Array.from({ length: count }, (_, i) => `MC-${year}-${String(last - count + 1 + i).padStart(5, '0')}`);
  }

  /** Every assessment of an edition with whether it may be certified today and, if not, what is missing. */
  readiness(year: number) {
    return certificationReadiness(this.workflow.dataSource.manager, year);
  }

  async get(number: string): Promise<CertificateEntity> {
    const seal = await this.workflow.dataSource.getRepository(CertificateEntity).findOneBy({ number });
    if (!seal) throw new DomainError('CERTIFICATE_NOT_FOUND', message('certification.seal-not-found', { number }));
    return seal;
  }

  async revoke(actor: Actor, number: string, reason: string): Promise<CertificateEntity> {
    requireRole(actor, 'certifier');
    return this.workflow.dataSource.transaction(async (em) => {
      const seal = await em.findOneBy(CertificateEntity, { number });
      if (!seal) throw new DomainError('CERTIFICATE_NOT_FOUND', message('certification.seal-not-found', { number }));
      if (seal.revokedAt)
        throw new DomainError('ILLEGAL_TRANSITION', message('certification.already-revoked', { number }));
      const patch = { revokedAt: this.clock.now(), revokedBy: actor.id, revocationReason: reason };
      await em.update(CertificateEntity, { number }, patch);
      await this.workflow.audit.record(em, actor, {
        action: 'certificate.revoke',
        entity: 'certificate',
        entityId: number,
        assessmentId: seal.assessmentId,
        before: { revokedAt: null },
        after: patch,
      });
      return { ...seal, ...patch };
    });
  }

  /** Issues a new seal for the same assessment; the earlier one is revoked and points to it. */
  async reissue(actor: Actor, number: string, reason: string): Promise<CertificateEntity> {
    const old = await this.get(number);
    if (old.revokedAt)
      throw new DomainError('ILLEGAL_TRANSITION', message('certification.revoked-not-reissued', { number }));
    return this.issue(actor, old.assessmentId, {
      ...old,
      revocationReason: translate('certification.reissued-reason', 'pt-BR', { reason }),
    });
  }
}
