import { Brackets, type EntityManager, In } from 'typeorm';
import { insertRows, jsonParam } from '../../database/portable-sql';
import type { AppConfig } from '../../config/app-config';
import type { AssessmentWorkflow } from '../assessment/assessment-workflow.service';
import { AssessmentEntity } from '../assessment/assessment.entity';
import type { AuditChange } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { UserView } from '../auth/user-directory.service';
import type { Clock } from '../clock/clock';
import type { EditionEntity } from '../editions/edition.entity';
import { DomainError } from '../errors/domain-error';
import type { FilesService } from '../files/files.service';
import type { GovernmentEntity } from '../governments/government.entity';
import { message, translate } from '../i18n/message';
import type { Message, NotificationsService, Recipient } from '../notifications/notifications.service';
import { CertificateEntity } from './certificate.entity';
import { verificationUrl } from './seal-credential';
import type { StatusSlot } from './status-list';

export interface SealDraft {
  readonly assessment: AssessmentEntity;
  readonly edition: EditionEntity;
  readonly government: GovernmentEntity;
  readonly level: string | null;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly officials: readonly UserView[];
}

export interface PrintedSeal extends SealDraft {
  readonly number: string;
  readonly issuedAt: string;
  readonly jwt: string;
  readonly credential: object;
  readonly pdf: Buffer;
  /** The seal's position in the revocation list, named by its credential. */
  readonly statusSlot: StatusSlot;
}

/** The certificates table's columns, in the order of certificateValues. */
const CERTIFICATE_COLUMNS = [
  'number',
  'assessment_id',
  'government_code',
  'edition_year',
  'issued_at',
  'issued_by',
  'valid_from',
  'valid_until',
  'level',
  'snapshot',
  'credential',
  'pdf_sha256',
  'status_list',
  'status_index',
] as const;

/** A new seal's row as stored (not yet revoked nor replaced: those columns stay NULL). */
const certificateValues = (c: CertificateEntity) => [
  c.number,
  c.assessmentId,
  c.governmentCode,
  c.editionYear,
  c.issuedAt,
  c.issuedBy,
  c.validFrom,
  c.validUntil,
  c.level,
  jsonParam(c.snapshot),
  c.credential,
  c.pdfSha256,
  c.statusList,
  c.statusIndex,
];

/** Runs inside the issuing transaction with the seals it records (e.g. a batch marks its items done). */
export type AlsoInTransaction = (tx: EntityManager, seals: readonly CertificateEntity[]) => Promise<void>;

/**
 * Records printed seals: their PDFs are written and synced first, outside the transaction (content-addressed
 * files: a crash before the commit leaves files no row names, never a seal without its file); then one short
 * transaction holds the rows only, in a few multi-row statements: files, certificates, the assessments' move
 * to "certified", audit and e-mails.
 */
export class SealRecording {
  constructor(
    private readonly config: AppConfig,
    private readonly workflow: AssessmentWorkflow,
    private readonly files: FilesService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async record(
    actor: Actor,
    seals: readonly PrintedSeal[],
    replacing: CertificateEntity | undefined,
    alsoInTransaction?: AlsoInTransaction,
  ): Promise<CertificateEntity[]> {
    const uploads = seals.map((seal) => ({
      upload: { field: 'seal', fileName: `${seal.number}.pdf`, declaredMime: 'application/pdf', bytes: seal.pdf },
      allowed: ['pdf'] as const,
      field: 'seal',
      options: { generated: true, owner: { kind: 'assessment' as const, id: seal.assessment.id } },
    }));
    return this.files.transactionWithFiles(uploads, async (tx, stored) => {
      // Read again inside the transaction for the move to "certified", with the columns it and the notice use
      // (not the score snapshot, which the seals were printed from, nor the pinned versions: JSON to parse).
      const fresh = new Map(
        (
          await tx.find(AssessmentEntity, {
            select: { id: true, state: true, rowVersion: true, enrolment: true },
            where: { id: In(seals.map((s) => s.assessment.id)) },
          })
        ).map((a) => [a.id, a]),
      );
      if (replacing) await this.revokeReplaced(tx, actor, replacing, seals[0].number);
      const rows = seals.map((seal, i) => this.row(actor, seal, stored[i].file));
      await insertRows(tx, 'certificates', CERTIFICATE_COLUMNS, rows.map(certificateValues));
      const moves = replacing ? [] : await this.certify(tx, actor, [...fresh.values()]);
      await alsoInTransaction?.(tx, rows);
      await this.workflow.audit.record(tx, actor, ...moves, ...rows.map((row) => this.issueAudit(row, replacing)));
      await this.notifications.enqueueAll(
        tx,
        seals.map((seal) => this.notice(seal, fresh.get(seal.assessment.id)!)),
      );
      return rows;
    });
  }

  private async revokeReplaced(tx: EntityManager, actor: Actor, replacing: CertificateEntity, by: string) {
    await tx.update(
      CertificateEntity,
      { number: replacing.number },
      {
        revokedAt: this.clock.now(),
        revokedBy: actor.id,
        revocationReason: replacing.revocationReason,
        replacedBy: by,
      },
    );
  }

  private row(actor: Actor, seal: PrintedSeal, pdfSha256: string): CertificateEntity {
    return Object.assign(new CertificateEntity(), {
      number: seal.number,
      assessmentId: seal.assessment.id,
      governmentCode: seal.government.ibgeCode,
      editionYear: seal.edition.year,
      issuedAt: seal.issuedAt,
      issuedBy: actor.id,
      validFrom: seal.validFrom,
      validUntil: seal.validUntil,
      level: seal.level,
      snapshot: seal.assessment.scoreSnapshot!,
      credential: seal.jwt,
      pdfSha256,
      revokedAt: null,
      revokedBy: null,
      revocationReason: null,
      replacedBy: null,
      statusList: seal.statusSlot.list,
      statusIndex: seal.statusSlot.index,
    });
  }

  /**
   * The assessments' move to "certified" in one statement, each row at the version read in this transaction
   * (as AssessmentWorkflow.move does one by one): a concurrent change to any of them refuses the whole chunk.
   */
  private async certify(tx: EntityManager, actor: Actor, assessments: readonly AssessmentEntity[]) {
    if (assessments.length === 0) return [];
    // Each is checked as a move one by one is: the certifier's role, the assessment at "priorities set".
    const to = assessments.map((a) => this.workflow.target(a, 'certify', actor))[0];
    const result = await tx
      .createQueryBuilder()
      .update(AssessmentEntity)
      .set({ state: to, rowVersion: () => 'row_version + 1' })
      .where(
        new Brackets((w) =>
          assessments.forEach((a, i) =>
            w.orWhere(`(id = :id${i} AND row_version = :v${i})`, { [`id${i}`]: a.id, [`v${i}`]: a.rowVersion }),
          ),
        ),
      )
      .execute();
    if (result.affected !== assessments.length) {
      throw new DomainError('ILLEGAL_TRANSITION', message('workflow.concurrent-change'));
    }
    return assessments.map((a): AuditChange => ({
      action: 'assessment.certify',
      entity: 'assessment',
      entityId: a.id,
      assessmentId: a.id,
      before: { state: a.state },
      after: { state: to },
    }));
  }

  private issueAudit(row: CertificateEntity, replacing: CertificateEntity | undefined): AuditChange {
    return {
      action: replacing ? 'certificate.reissue' : 'certificate.issue',
      entity: 'certificate',
      entityId: row.number,
      assessmentId: row.assessmentId,
      before: replacing ? { number: replacing.number } : null,
      after: {
        number: row.number,
        validFrom: row.validFrom,
        validUntil: row.validUntil,
        level: row.level,
        index: row.snapshot.index.index,
        pdfSha256: row.pdfSha256,
      },
    };
  }

  /** The e-mail that tells the government's officials and focal person that its seal was issued. */
  private notice(seal: PrintedSeal, assessment: AssessmentEntity): { recipients: Recipient[]; message: Message } {
    const { number, government, edition, validFrom, validUntil } = seal;
    const facts = {
      government: government.name,
      uf: government.uf,
      year: edition.year,
      number,
      validFrom: { date: validFrom },
      validUntil: { date: validUntil },
      url: verificationUrl(this.config.publicUrl, number),
    };
    const documents = `/avaliacoes/${seal.assessment.id}/documentos`;
    return {
      recipients: [
        ...seal.officials.map((o) => ({ email: o.email, userId: o.id })),
        { email: assessment.enrolment.focalPerson.email },
      ],
      message: {
        kind: 'seal-issued',
        // Officials read Portuguese: the e-mail goes in the catalogue's pt-BR text.
        subject: { key: 'certification.seal-email.subject', params: facts },
        link: documents,
        body: translate('certification.seal-email.body', 'pt-BR', {
          ...facts,
          page: `${this.config.publicUrl}${documents}`,
        }),
      },
    };
  }
}
