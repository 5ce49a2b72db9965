import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { withMessage } from '../http/validation';
import { EditionFilter, PageLimit, PageOffset, UfFilter } from '../http/query-params';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateGoodPracticeDto {
  @ApiProperty({ example: 'Centro de Referência e Atendimento a Imigrantes (CRAI)' })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: 'What the practice is, whom it serves and what it achieved (pt-BR)' })
  @Transform(trim)
  @IsString()
  @MinLength(20)
  @MaxLength(5000)
  description: string;

  @ApiProperty({ description: 'Slug of the indicator group the practice belongs to', example: 'transparency' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, withMessage('common.validation.group-slug'))
  @MaxLength(64)
  group: string;

  @ApiPropertyOptional({
    description: 'A page or document that shows the practice',
    example: 'https://prefeitura.poa.br/crai',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, withMessage('common.validation.isUrl'))
  @MaxLength(2000)
  link?: string;

  @ApiPropertyOptional({ description: 'Year the practice started', example: 2018 })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(2100)
  startYear?: number;
}

export class ReviewGoodPracticeDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  decision: 'approve' | 'reject';

  @ApiPropertyOptional({ description: 'Why (required to reject): the government reads it' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(3000)
  comment?: string;
}

export class GoodPracticeQueryDto {
  @ApiPropertyOptional({ description: 'Indicator group slug', example: 'health' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, withMessage('common.validation.group-slug'))
  @MaxLength(64)
  group?: string;

  @UfFilter()
  uf?: string;

  @EditionFilter()
  edition?: number;

  @PageLimit(20, 100)
  limit: number = 20;

  @PageOffset()
  offset: number = 0;
}
