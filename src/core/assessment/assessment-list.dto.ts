import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { LocalizedText } from '../i18n/localized-text';
import { withMessage } from '../http/validation';
import { ASSESSMENT_STATES, type AssessmentState } from './assessment-state';
import { EditionFilter, GovernmentKindFilter, PageLimit, PageOffset, UfFilter } from '../http/query-params';

/**
 * Orders of the list; every one ends on the assessment id so that pages never overlap or skip a row.
 * `-edition`: newest edition first, then the government's name (the default); `edition`: oldest first;
 * `name`: by name, newest edition first; `-index`: highest index first, those without one last.
 */
export const ASSESSMENT_SORTS = ['-edition', 'edition', 'name', '-index'] as const;
export type AssessmentSort = (typeof ASSESSMENT_SORTS)[number];

export const ASSESSMENT_LIST_MAX = 200;

/** `GET /api/assessments`: filters and paging; officials are always limited to their own government. */
export class AssessmentListQueryDto {
  @EditionFilter()
  edition?: number;

  @UfFilter()
  uf?: string;

  @GovernmentKindFilter()
  kind?: 'municipality' | 'state';

  @ApiPropertyOptional({ enum: ASSESSMENT_STATES, example: 'submitted' })
  @IsOptional()
  @IsIn(ASSESSMENT_STATES)
  state?: AssessmentState;

  @ApiPropertyOptional({ description: 'IBGE code of one government (2 or 7 digits)', example: '4314902' })
  @IsOptional()
  @Matches(/^\d{2}(\d{5})?$/, withMessage('common.validation.ibge-code'))
  government?: string;

  @ApiPropertyOptional({ description: 'Part of the government\u2019s name; accents and case are ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @PageLimit(50, ASSESSMENT_LIST_MAX)
  limit: number = 50;

  @PageOffset()
  offset: number = 0;

  @ApiPropertyOptional({ enum: ASSESSMENT_SORTS, default: '-edition' })
  @IsOptional()
  @IsIn(ASSESSMENT_SORTS)
  sort: AssessmentSort = '-edition';
}

/** The document's shape of a LocalizedText (the Portuguese key is `pt-BR`). */
export class LocalizedTextDto {
  @ApiProperty({ name: 'pt-BR' }) ptBr: string;
  @ApiProperty() en: string;
}

export class ListedGovernmentDto {
  @ApiProperty({ example: '4314902' }) ibgeCode: string;
  @ApiProperty({ example: 'Porto Alegre' }) name: string;
  @ApiProperty({ example: 'RS' }) uf: string;
  @ApiProperty({ enum: ['municipality', 'state'] }) kind: 'municipality' | 'state';
}

export class AssessmentListItemDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 2024 }) editionYear: number;
  @ApiProperty({ type: ListedGovernmentDto }) government: ListedGovernmentDto;
  @ApiProperty({ enum: ASSESSMENT_STATES }) state: AssessmentState;
  @ApiProperty({ type: LocalizedTextDto, description: 'The state as a person reads it' }) stateLabel: LocalizedText;
  @ApiProperty({ description: 'Review round: 1, then +1 at every resubmission' }) round: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The index (0-100) of the approved diagnosis\u2019s score snapshot; null until approved',
  })
  index: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class AssessmentListDto {
  @ApiProperty({ description: 'How many assessments match the filters, across all pages' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({ type: [AssessmentListItemDto] }) items: AssessmentListItemDto[];
}
