import type { DataSource } from 'typeorm';
import { AnswerEntity } from '../assessment/answer.entity';
import type { ReviewDecisionDto } from '../assessment/assessment.dto';
import type { ScoreSnapshot } from '../assessment/assessment.types';
import type { DiagnosisService } from '../assessment/diagnosis.service';
import type { Actor } from '../auth/actor';
import type { ReviewService } from '../review/review.service';
import type { DemoGovernment } from './demo-cast';
import { ADJUST_NOTES, chance } from './demo-content';
import { minimalPdf } from './minimal-pdf';

/** What the demo's review steps call: the same services the reviewer's and the official's requests reach. */
export interface DemoReviewServices {
  readonly dataSource: DataSource;
  readonly review: ReviewService;
  readonly diagnosis: DiagnosisService;
}

/** The part of a government's edition that its review depends on. */
export interface ReviewedAct {
  readonly gov: DemoGovernment;
  readonly year: number;
  readonly roundOfChanges: boolean;
}

/**
 * The reviewer takes the diagnosis, rates a few "yes" answers as "partial" with her reason and accepts the
 * rest in one call; where the journey has a round of changes, she first sends one item back for a better
 * document.
 */
export async function reviewAndApprove(
  s: DemoReviewServices,
  act: ReviewedAct,
  reviewer: Actor,
  official: Actor,
  id: string,
): Promise<ScoreSnapshot> {
  await s.review.startReview(reviewer, id);
  if (act.roundOfChanges) await sendOneBack(s, reviewer, official, id);
  const rows = await s.dataSource.getRepository(AnswerEntity).findBy({ assessmentId: id });
  const adjustments: ReviewDecisionDto[] = rows
    .filter((r) => r.value === 'yes' && r.reviewStatus === 'pending' && (r.evidence ?? []).length > 0)
    .map((r) => ({ r, roll: chance(`${act.gov.code}/${act.year}/${r.groupSlug}/${r.itemKey}/adjust`) }))
    .filter(({ roll }) => roll < 0.12)
    .map(({ r, roll }) => ({
      group: r.groupSlug,
      itemKey: r.itemKey,
      decision: 'adjust',
      rating: 'partial',
      note: ADJUST_NOTES[Math.floor(roll * 100) % ADJUST_NOTES.length],
    }));
  if (adjustments.length > 0) await s.review.decide(reviewer, id, adjustments);
  const { leftPending } = await s.review.acceptPending(reviewer, id);
  if (leftPending.length > 0) throw new Error(`Demo answers without evidence: ${JSON.stringify(leftPending)}`);
  return (await s.review.approve(reviewer, id)).scoreSnapshot;
}

/** One round of changes: a link that leads to the portal's home page is replaced by the document itself. */
async function sendOneBack(s: DemoReviewServices, reviewer: Actor, official: Actor, id: string): Promise<void> {
  const answers = s.dataSource.getRepository(AnswerEntity);
  const rows = await answers.findBy({ assessmentId: id });
  const linked = rows.find((r) => (r.evidence ?? []).some((e) => 'url' in e));
  if (!linked) return;
  await s.review.decide(reviewer, id, [
    {
      group: linked.groupSlug,
      itemKey: linked.itemKey,
      decision: 'send-back',
      note: 'O link enviado abre a página inicial do portal, e não o documento: anexe o documento publicado.',
    },
  ]);
  await s.review.requestChanges(reviewer, id);
  const link = (linked.evidence ?? []).map((e) => ('url' in e ? e.url : '')).find(Boolean)!;
  const fileName = `${link
    .split('/')
    .pop()!
    .replace(/\.pdf$/, '')}.pdf`;
  const stored = await s.diagnosis.uploadEvidence(official, id, {
    field: 'file',
    fileName,
    declaredMime: 'application/pdf',
    bytes: minimalPdf(`Documento publicado - ${fileName}`),
  });
  const evidence = 'file' in stored ? [{ file: stored.file, fileName }] : [{ url: link }];
  const current = await answers.findOneByOrFail({
    assessmentId: id,
    groupSlug: linked.groupSlug,
    itemKey: linked.itemKey,
  });
  await s.diagnosis.saveAnswers(official, id, [
    {
      group: linked.groupSlug,
      itemKey: linked.itemKey,
      value: current.value,
      evidence,
      expectedVersion: current.version,
    },
  ]);
  // Resubmitted: the reviewer's next verdict takes it back into review.
  await s.diagnosis.submit(official, id);
}
