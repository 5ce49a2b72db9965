import { randomUUID } from 'node:crypto';
import { DataSource, Not } from 'typeorm';
import type { createApp } from '../app.factory';
import { AssessmentViewService } from '../core/assessment/assessment-view.service';
import { AssessmentEntity } from '../core/assessment/assessment.entity';
import { DiagnosisService } from '../core/assessment/diagnosis.service';
import { EnrolmentService } from '../core/assessment/enrolment.service';
import { PrioritiesService } from '../core/assessment/priorities.service';
import type { Actor } from '../core/auth/actor';
import { AuthService } from '../core/auth/auth.service';
import { CertificateBatchService } from '../core/certification/certificate-batch.service';
import { CertificationService } from '../core/certification/certification.service';
import { Clock } from '../core/clock/clock';
import { minimalPdf } from '../core/demo/minimal-pdf';
import { GovernmentEntity } from '../core/governments/government.entity';
import { QuestionnaireCatalogue } from '../core/questionnaire/questionnaire-catalogue.service';
import { PdfRendererService } from '../core/rendering/pdf-renderer.service';
import { TemplatesService } from '../core/rendering/templates.service';
import { ReviewService } from '../core/review/review.service';
import { createEditionAroundToday } from './bench-edition';
import { StepTimer } from './step-timer';

/** The seal bench's data (src/bench/certificates.bench.ts) and its --profile of the issuing steps. */
type App = Awaited<ReturnType<typeof createApp>>;

export /** The edition, one government through the real lifecycle and `count - 1` copies of its approved assessment. */
async function seedSeals(app: App, count: number): Promise<{ year: number; certifier: Actor }> {
  const auth = app.get(AuthService);
  const user = (email: string, name: string, role: Actor['role'], governmentCode?: string) =>
    auth
      .createUser(null, { email, name, password: 'bench-password-1', role, governmentCode })
      .then((u): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, governmentCode: u.governmentCode }));
  const admin = await user('admin@bench.local', 'Admin', 'admin');
  const reviewer = await user('rev@bench.local', 'Revisora', 'reviewer');
  const certifier = await user('cert@bench.local', 'Certificadora', 'certifier');
  const official = await user('focal@bench.local', 'Focal', 'official', '4314902');
  const year = app.get(Clock).year();
  await createEditionAroundToday(app, admin, year);
  const db = app.get(DataSource);
  const template = await db
    .getRepository(AssessmentEntity)
    .findOneByOrFail({ id: await seedOne(app, year, admin, official, reviewer) });
  const codes = (
    await db.getRepository(GovernmentEntity).find({
      select: { ibgeCode: true },
      where: { ibgeCode: Not('4314902') },
      order: { ibgeCode: 'ASC' },
      take: count - 1,
    })
  ).map((g) => g.ibgeCode);
  await db.transaction(async (em) => {
    for (let i = 0; i < codes.length; i += 50) {
      await em.insert(
        AssessmentEntity,
        codes.slice(i, i + 50).map((code) => ({
          id: randomUUID(),
          editionYear: year,
          governmentCode: code,
          state: 'priorities-set' as const,
          versions: template.versions,
          previousAssessmentId: null,
          round: template.round,
          enrolment: template.enrolment,
          scoreSnapshot: template.scoreSnapshot,
          submittedAt: template.submittedAt,
          approvedAt: template.approvedAt,
          rowVersion: 1,
        })),
      );
    }
  });
  return { year, certifier };
}

export async function seedOne(
  app: Awaited<ReturnType<typeof createApp>>,
  year: number,
  admin: Actor,
  official: Actor,
  reviewer: Actor,
): Promise<string> {
  const diagnosis = app.get(DiagnosisService);
  const enrolment = app.get(EnrolmentService);
  const catalogue = app.get(QuestionnaireCatalogue);
  const assessment = await enrolment.enrol(
    admin,
    year,
    {
      governmentCode: '4314902',
      focalPerson: { name: 'Focal', email: 'focal@bench.local', department: 'SMDH' },
      substitutes: [],
      migrantService: { name: 'CRAI', phone: '(51) 3289-0000', email: 'crai@bench.local', address: 'Rua A, 1' },
    },
    { field: 'letterOfIntent', fileName: 'carta.pdf', declaredMime: 'application/pdf', bytes: minimalPdf('Carta') },
  );
  await enrolment.recordCourse(official, assessment.id, app.get(Clock).today(), {
    field: 'certificate',
    fileName: 'curso-enap.pdf',
    declaredMime: 'application/pdf',
    bytes: minimalPdf('Certificado ENAP'),
  });
  const saves = Object.entries(assessment.versions).flatMap(([group, version]) =>
    catalogue
      .version(group, version)
      .items.filter((i) => i.type === 'yes-partial-no')
      .map((i) => ({
        group,
        itemKey: i.key,
        value: i.key.length % 3 === 0 ? 'partial' : 'yes',
        evidence:
          i.evidence === 'required' ? [{ url: `https://portoalegre.rs.gov.br/evidencias/${i.key}` }] : undefined,
        expectedVersion: 0,
      })),
  );
  await diagnosis.saveAnswers(official, assessment.id, saves);
  await diagnosis.submit(official, assessment.id).catch(async () => {
    const view = await app.get(AssessmentViewService).view(official, assessment.id);
    const rest = view.missing.map((m) => {
      const [group, itemKey] = m.item.split('.');
      const item = catalogue.version(group, assessment.versions[group]).items.find((i) => i.key === itemKey)!;
      const value =
        item.type === 'single-choice'
          ? item.options![0].key
          : item.type === 'multiple-choice'
            ? [item.options![0].key]
            : item.type === 'number'
              ? (item.min ?? 1)
              : 'ok';
      return { group, itemKey, value, expectedVersion: 0 };
    });
    await diagnosis.saveAnswers(official, assessment.id, rest);
    await diagnosis.submit(official, assessment.id);
  });
  const review = app.get(ReviewService);
  const view = await app.get(AssessmentViewService).view(reviewer, assessment.id);
  await review.decide(
    reviewer,
    assessment.id,
    view.groups.flatMap((g) =>
      g.items
        .filter((i) => i.visible && i.answer.value !== null)
        .map((i) => ({ group: g.group, itemKey: i.key, decision: 'accept' as const })),
    ),
  );
  const approved = await review.approve(reviewer, assessment.id);
  const gap = approved.scoreSnapshot.groups.flatMap((g) =>
    g.items.filter((i) => i.counted && (i.points ?? 0) < 100).map((i) => ({ group: g.group, itemKey: i.key })),
  )[0];
  await app
    .get(PrioritiesService)
    .setPriorities(official, assessment.id, [{ ...gap, commitment: 'Avançar neste item até a próxima edição.' }]);
  return assessment.id;
}

export /** The steps of issuing, timed where they are called (the private ones too: the bench reads, it changes nothing). */
function profileSteps(app: App): StepTimer {
  const timer = new StepTimer();
  const certification = app.get(CertificationService);
  const internals = certification as unknown as Record<string, object>;
  timer.wrap('recording', internals.recording, ['record', 'certify']);
  const batches = app.get(CertificateBatchService);
  timer.wrap('batch', batches, ['issueChunk', 'progress']);
  timer.wrap('batch claims', (batches as unknown as Record<string, object>).claims, ['claim']);
  timer.wrap('certification', certification, ['prepare', 'print', 'pageContext', 'finish', 'reserveNumbers']);
  timer.wrap('renderer', app.get(PdfRendererService), ['render']);
  timer.wrap('templates', app.get(TemplatesService), ['render']);
  const files = internals.files as Record<string, object>;
  timer.wrap('files', files, ['transactionWithFiles', 'check']);
  timer.wrap('file store', files.store, ['put']);
  timer.wrap('statusList', internals.statusList, ['reserve']);
  timer.wrap('keys', internals.keys, ['signJwt']);
  timer.wrap('signatories', internals.signatories, ['ofEditions']);
  timer.wrap('notifications', internals.notifications, ['deliver', 'enqueue']);
  const workflow = internals.workflow as { audit: object };
  timer.wrap('workflow', workflow, ['move']);
  timer.wrap('audit', workflow.audit, ['record']);
  return timer;
}
