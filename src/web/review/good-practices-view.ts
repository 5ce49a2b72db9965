import type { LocalizedText } from '../../core/i18n/localized-text';
import type { Language } from '../../core/i18n/message';

/** A practice's form sent back: the comment typed and why it was refused. */
export interface PracticeFormState {
  readonly id: string;
  readonly comment: string;
  readonly problem: string;
}

export interface PendingPractice {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly link: string | null;
  readonly assessmentId: string;
  readonly editionYear: number;
  readonly group: { readonly number: number | null; readonly title: LocalizedText };
  readonly government: { readonly name: string; readonly uf: string };
}

/** The pending practices, each with its form's ids and, after a refusal, what was typed. */
export function goodPracticesView(pending: readonly PendingPractice[], lang: Language, form: PracticeFormState | null) {
  return pending.map((p) => {
    const mine = form?.id === p.id ? form : null;
    return {
      id: p.id,
      anchor: `practice-${p.id}`,
      commentId: `practice-${p.id}-comment`,
      title: p.title,
      description: p.description,
      link: p.link,
      government: `${p.government.name} (${p.government.uf})`,
      edition: p.editionYear,
      group: p.group.number !== null ? `${p.group.number}. ${p.group.title[lang]}` : p.group.title[lang],
      review: `/revisao/${encodeURIComponent(p.assessmentId)}`,
      comment: mine?.comment ?? '',
      problem: mine?.problem ?? null,
    };
  });
}
