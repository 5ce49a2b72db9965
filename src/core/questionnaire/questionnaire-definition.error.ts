/** One thing wrong with a questionnaire file, located as precisely as the file allows. */
export interface DefinitionProblem {
  readonly file: string;
  /** The item the problem is in, when it is in one. */
  readonly itemKey?: string;
  readonly problem: string;
}

export function describeProblem(p: DefinitionProblem): string {
  return p.itemKey ? `${p.file}: item "${p.itemKey}": ${p.problem}` : `${p.file}: ${p.problem}`;
}

/** Raised when questionnaire files cannot be published: the boot stops with every problem listed. */
export class QuestionnaireDefinitionError extends Error {
  constructor(readonly problems: readonly DefinitionProblem[]) {
    super(
      `Invalid questionnaire definition (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${describeProblem(p)}`).join('\n'),
    );
    this.name = 'QuestionnaireDefinitionError';
  }
}
