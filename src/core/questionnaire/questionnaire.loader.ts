import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DefinitionProblem } from './questionnaire-definition.error';

export interface QuestionnaireFile {
  readonly group: string;
  readonly version: number;
  /** Path relative to the working directory's parent of `assessments/`, for messages. */
  readonly file: string;
  readonly source: string;
  readonly sha256: string;
}

const VERSION_FILE = /^v([1-9]\d*)\.yaml$/;

/** Reads every `<group>/v<N>.yaml` under the assessments folder; anything else in a group folder is a problem. */
export function readQuestionnaireFiles(
  assessmentsDir: string,
  displayBase: string,
): { files: QuestionnaireFile[]; groupFolders: string[]; problems: DefinitionProblem[] } {
  const files: QuestionnaireFile[] = [];
  const problems: DefinitionProblem[] = [];
  const show = (p: string) => relative(displayBase, p) || p;
  let entries: string[];
  try {
    entries = readdirSync(assessmentsDir);
  } catch {
    return {
      files,
      groupFolders: [],
      problems: [{ file: show(assessmentsDir), problem: 'the assessments folder cannot be read' }],
    };
  }
  const groupFolders = entries.filter((e) => statSync(join(assessmentsDir, e)).isDirectory()).sort();
  for (const group of groupFolders) {
    for (const name of readdirSync(join(assessmentsDir, group)).sort()) {
      const path = join(assessmentsDir, group, name);
      const match = VERSION_FILE.exec(name);
      if (!match) {
        problems.push({ file: show(path), problem: 'not a questionnaire version file name (expected v<N>.yaml)' });
        continue;
      }
      const bytes = readFileSync(path);
      files.push({
        group,
        version: Number(match[1]),
        file: show(path),
        source: bytes.toString('utf8'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    }
  }
  return { files, groupFolders, problems };
}
