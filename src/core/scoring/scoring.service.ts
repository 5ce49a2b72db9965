import { Injectable } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import type { LocalizedText } from '../i18n/localized-text';
import { message } from '../i18n/message';
import { validateAnswers } from '../questionnaire/answer-validation';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import type { AnswerSet } from '../questionnaire/questionnaire.types';
import { type GroupScore, scoreGroup } from './score-group';
import { type IndexScore, scoreIndex } from './score-index';

export interface GroupAnswers {
  readonly answers: AnswerSet;
  readonly acceptedEvidence?: readonly string[];
}

export interface Recommendation {
  readonly key: string;
  readonly status: 'partly-met' | 'not-met';
  readonly recommendation: LocalizedText;
}

export interface ExplainedGroupScore extends GroupScore {
  /** The group module's suggestions for every counted item that is not fully met. */
  readonly recommendations: readonly Recommendation[];
}

/** Scores answer sets against published questionnaires, without storing anything. */
@Injectable()
export class ScoringService {
  constructor(private readonly catalogue: QuestionnaireCatalogue) {}

  scoreGroup(slug: string, version: number, input: GroupAnswers, fieldPrefix = 'answers'): ExplainedGroupScore {
    const entry = this.catalogue.group(slug);
    const questionnaire = this.catalogue.version(slug, version);
    const problems = validateAnswers(questionnaire, input.answers, [...entry.versions.values()]);
    const itemKeys = new Set(questionnaire.items.map((i) => i.key));
    const fields = problems.map((p) => ({ field: `${fieldPrefix}.${p.itemKey}`, code: p.code, message: p.message }));
    for (const key of input.acceptedEvidence ?? []) {
      if (!itemKeys.has(key)) {
        fields.push({
          field: `acceptedEvidence.${key}`,
          code: 'UNKNOWN_ITEM',
          message: message('scoring.unknown-item', { version, group: questionnaire.title }),
        });
      }
    }
    if (fields.length > 0) {
      throw new DomainError(
        'INVALID_ANSWERS',
        message('scoring.invalid-answers', { group: questionnaire.title, version, count: fields.length }),
        fields,
      );
    }
    const score = scoreGroup(questionnaire, entry.definition.scoring, input);
    const recommendations: Recommendation[] = score.items
      .filter((i) => i.counted && (i.points ?? 0) < 100)
      .flatMap((i) => {
        const text = entry.definition.recommendations[i.key];
        return text
          ? [
              {
                key: i.key,
                status: (i.points ?? 0) > 0 ? ('partly-met' as const) : ('not-met' as const),
                recommendation: text,
              },
            ]
          : [];
      });
    return { ...score, recommendations };
  }

  scoreIndex(
    groups: readonly (GroupAnswers & { group: string; version: number })[],
  ): IndexScore & { groupScores: ExplainedGroupScore[] } {
    const expected = this.catalogue.groups().map((g) => g.definition.slug);
    const fields = groups.flatMap((g, i) => {
      const entry = this.catalogue.groups().find((e) => e.definition.slug === g.group);
      if (!entry)
        return [
          {
            field: `groups.${i}.group`,
            code: 'UNKNOWN_GROUP',
            message: message('scoring.unknown-group'),
          },
        ];
      if (!entry.versions.has(g.version))
        return [
          {
            field: `groups.${i}.version`,
            code: 'UNKNOWN_VERSION',
            message: message('scoring.unknown-version', { group: entry.latest.title, version: g.version }),
          },
        ];
      return groups.findIndex((o) => o.group === g.group) !== i
        ? [
            {
              field: `groups.${i}.group`,
              code: 'DUPLICATE_GROUP',
              message: message('scoring.duplicate-group', { group: entry.latest.title }),
            },
          ]
        : [];
    });
    if (fields.length > 0) {
      throw new DomainError('INVALID_ANSWERS', message('scoring.invalid-groups', { count: fields.length }), fields);
    }
    const groupScores = groups.map((g, i) => this.scoreGroup(g.group, g.version, g, `groups.${i}.answers`));
    const names = Object.fromEntries(this.catalogue.groups().map((e) => [e.definition.slug, e.latest.title]));
    return { ...scoreIndex(expected, groupScores, names), groupScores };
  }
}
