import { Injectable } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import type { LocalizedText } from '../i18n/localized-text';
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
          message: {
            'pt-BR': `não existe item "${key}" em ${slug} v${version}`,
            en: `no item "${key}" in ${slug} v${version}`,
          },
        });
      }
    }
    if (fields.length > 0) {
      throw new DomainError(
        'INVALID_ANSWERS',
        {
          'pt-BR': `Respostas inválidas para ${slug} v${version}: ${fields.map((f) => f.field).join(', ')}.`,
          en: `Invalid answers for ${slug} v${version}: ${fields.map((f) => f.field).join(', ')}.`,
        },
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
            message: { 'pt-BR': `grupo "${g.group}" não existe`, en: `no group "${g.group}"` },
          },
        ];
      if (!entry.versions.has(g.version))
        return [
          {
            field: `groups.${i}.version`,
            code: 'UNKNOWN_VERSION',
            message: {
              'pt-BR': `${g.group} não tem a versão ${g.version}`,
              en: `${g.group} has no version ${g.version}`,
            },
          },
        ];
      return groups.findIndex((o) => o.group === g.group) !== i
        ? [
            {
              field: `groups.${i}.group`,
              code: 'DUPLICATE_GROUP',
              message: { 'pt-BR': `grupo "${g.group}" repetido`, en: `group "${g.group}" given twice` },
            },
          ]
        : [];
    });
    if (fields.length > 0) {
      throw new DomainError(
        'INVALID_ANSWERS',
        {
          'pt-BR': `Grupos inválidos: ${fields.map((f) => f.field).join(', ')}.`,
          en: `Invalid groups: ${fields.map((f) => f.field).join(', ')}.`,
        },
        fields,
      );
    }
    const groupScores = groups.map((g, i) => this.scoreGroup(g.group, g.version, g, `groups.${i}.answers`));
    return { ...scoreIndex(expected, groupScores), groupScores };
  }
}
