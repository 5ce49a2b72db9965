import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { withMessage } from '../http/validation';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateMessage = withMessage('common.validation.date');

export class CalendarDto {
  @ApiProperty({ example: '2024-03-01' }) @Matches(DATE, dateMessage) enrolmentOpens: string;
  @ApiProperty({ example: '2024-04-15' }) @Matches(DATE, dateMessage) enrolmentCloses: string;
  @ApiProperty({ example: '2024-06-30' }) @Matches(DATE, dateMessage) diagnosisDeadline: string;
  @ApiProperty({ example: '2024-08-31' }) @Matches(DATE, dateMessage) reviewDeadline: string;
  @ApiProperty({ example: '2024-10-15' }) @Matches(DATE, dateMessage) certificationDate: string;
}

export class CertificationRuleDto {
  @ApiProperty({ enum: ['all-stages', 'minimum-index', 'minimum-levels'] })
  @IsIn(['all-stages', 'minimum-index', 'minimum-levels'])
  kind: 'all-stages' | 'minimum-index' | 'minimum-levels';

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  minimumIndex?: number;

  @ApiPropertyOptional({ enum: ['initial', 'developing', 'consolidated', 'reference'] })
  @IsOptional()
  @IsIn(['initial', 'developing', 'consolidated', 'reference'])
  minimumLevel?: 'initial' | 'developing' | 'consolidated' | 'reference';
}

export class SealValidityDto {
  @ApiProperty({
    enum: ['one-year', 'until-next-certification', 'fixed'],
    description:
      'one-year: a year after issue; until-next-certification: the next edition\u2019s certification date (a year after issue while unknown); fixed: until `until`',
  })
  @IsIn(['one-year', 'until-next-certification', 'fixed'])
  kind: 'one-year' | 'until-next-certification' | 'fixed';

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Last day of validity, for kind fixed' })
  @IsOptional()
  @Matches(DATE, dateMessage)
  until?: string;
}

export class DeadlineExtensionDto {
  @ApiProperty({ example: '3550308', description: 'IBGE code of the government' })
  @Matches(/^\d{2}(\d{5})?$/, withMessage('editions.validation.government-code'))
  governmentCode: string;

  @ApiProperty({ example: '2024-07-31', description: 'New last day (inclusive) of the diagnosis' })
  @Matches(DATE, dateMessage)
  until: string;

  @ApiProperty({ example: 'Enchentes suspenderam o expediente da prefeitura por três semanas.' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason: string;
}

export class CreateEditionDto {
  @ApiProperty({ example: 2024 })
  @IsInt()
  @Min(2020)
  @Max(2100)
  year: number;

  @ApiProperty({ type: CalendarDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CalendarDto)
  calendar: CalendarDto;

  @ApiPropertyOptional({
    description: 'Questionnaire version per group slug; groups left out get their latest version.',
    example: { protection: 2 },
  })
  @IsOptional()
  @IsObject()
  pinnedVersions?: Record<string, number>;

  @ApiPropertyOptional({ type: CertificationRuleDto, description: 'Default: every stage complete.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CertificationRuleDto)
  certificationRule?: CertificationRuleDto;

  @ApiPropertyOptional({ type: SealValidityDto, description: 'Default: a year after issue.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SealValidityDto)
  sealValidity?: SealValidityDto;
}

/** The same settings as at creation, without the year; what is left out stays as it was. */
export class UpdateEditionDto extends PartialType(OmitType(CreateEditionDto, ['year'] as const)) {}
