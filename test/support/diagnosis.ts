import type { AnswerValue, Questionnaire, QuestionnaireItem } from '../../src/core/questionnaire/questionnaire.types';
import { bestAnswers, evidenceFor } from './answers';
import { auth, questionnairesOf } from './lifecycle';
import type { HttpClient } from './test-app';

/** The answer to give an item instead of the best one, or undefined to keep the best. */
export type AnswerOverride = (group: string, item: QuestionnaireItem) => AnswerValue | undefined;

/** The evidence to attach to an item instead of the default link: a list, or null for none. */
export type EvidenceOverride = (
  group: string,
  item: QuestionnaireItem,
) => { url?: string; file?: string; fileName?: string }[] | null | undefined;

/** A reviewer's verdict on one item instead of "accept". */
export interface ReviewOverride {
  group: string;
  itemKey: string;
  decision: 'accept' | 'adjust' | 'send-back';
  rating?: unknown;
  note?: string;
}

async function ok(app: HttpClient, method: string, path: string, body: unknown, token: string) {
  const r = await app.request(method, path, body, auth(token));
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
  return r.body;
}

/** Answers every item of an assessment (best answers unless overridden, evidence where required) and submits it. */
export async function answerAndSubmit(
  app: HttpClient,
  officialToken: string,
  assessmentId: string,
  override: AnswerOverride = () => undefined,
  evidenceOverride: EvidenceOverride = () => undefined,
): Promise<void> {
  const view = await ok(app, 'GET', `/api/assessments/${assessmentId}`, undefined, officialToken);
  const questionnaires: Questionnaire[] = await questionnairesOf(app, view);
  const answers = questionnaires.flatMap((q) =>
    Object.entries(bestAnswers(q)).map(([itemKey, best]) => {
      const item = q.items.find((i) => i.key === itemKey)!;
      const current = view.groups
        .find((g: { group: string }) => g.group === q.group)
        .items.find((i: { key: string }) => i.key === itemKey).answer;
      const given = evidenceOverride(q.group, item);
      const evidence = given === null ? undefined : (given ?? evidenceFor(item));
      // Every answer that needs evidence gets a link, so that the submission is complete.
      return {
        group: q.group,
        itemKey,
        value: override(q.group, item) ?? best,
        expectedVersion: current.version,
        ...(evidence ? { evidence } : {}),
      };
    }),
  );
  await ok(app, 'PUT', `/api/assessments/${assessmentId}/answers`, { answers }, officialToken);
  await ok(app, 'POST', `/api/assessments/${assessmentId}/submit`, undefined, officialToken);
}

/** A reviewer takes the diagnosis, accepts every visible answer (unless overridden) and approves it. */
export async function reviewAndApprove(
  app: HttpClient,
  reviewerToken: string,
  assessmentId: string,
  overrides: readonly ReviewOverride[] = [],
): Promise<{ scoreSnapshot: { index: { index: number } } }> {
  await ok(app, 'POST', `/api/assessments/${assessmentId}/review/start`, undefined, reviewerToken);
  const reviewed = await ok(app, 'GET', `/api/assessments/${assessmentId}`, undefined, reviewerToken);
  const decisions = reviewed.groups.flatMap((g: any) =>
    g.items
      .filter((i: any) => i.visible && i.answer.value !== null)
      .map(
        (i: any) =>
          overrides.find((o) => o.group === g.group && o.itemKey === i.key) ?? {
            group: g.group,
            itemKey: i.key,
            decision: 'accept',
          },
      ),
  );
  await ok(app, 'PUT', `/api/assessments/${assessmentId}/review/items`, { decisions }, reviewerToken);
  return ok(app, 'POST', `/api/assessments/${assessmentId}/review/approve`, undefined, reviewerToken);
}

export async function setPriorities(
  app: HttpClient,
  officialToken: string,
  assessmentId: string,
  priorities: { group: string; itemKey: string; commitment: string }[],
): Promise<void> {
  await ok(app, 'PUT', `/api/assessments/${assessmentId}/priorities`, { priorities }, officialToken);
}
