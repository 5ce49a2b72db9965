import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { withMessage } from '../http/validation';

export class PersonDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiProperty() @IsEmail() @MaxLength(200) email: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiProperty({ description: 'Secretaria / department' }) @IsString() @MinLength(2) @MaxLength(200) department: string;
}

export class MigrantServiceDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiProperty()
  @Matches(/^[\d\s()+-]{8,20}$/, withMessage('common.validation.phone'))
  phone: string;
  @ApiProperty() @IsEmail() @MaxLength(200) email: string;
  @ApiProperty() @IsString() @MinLength(5) @MaxLength(300) address: string;
}

/** The JSON `data` field of the enrolment form; the letter of intent travels as the file `letterOfIntent`. */
export class EnrolmentDto {
  @ApiProperty({ description: 'IBGE code of the enrolling government', example: '4314902' })
  @Matches(/^\d{2}(\d{5})?$/, withMessage('common.validation.ibge-code'))
  governmentCode: string;

  @ApiProperty({ type: PersonDto }) @ValidateNested() @Type(() => PersonDto) focalPerson: PersonDto;

  @ApiProperty({ type: [PersonDto] })
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => PersonDto)
  substitutes: PersonDto[];

  @ApiProperty({ type: MigrantServiceDto })
  @ValidateNested()
  @Type(() => MigrantServiceDto)
  migrantService: MigrantServiceDto;
}

export class CourseCompletionDto {
  @ApiProperty({ example: '2024-04-10' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, withMessage('common.validation.date'))
  completedAt: string;
}

export class EvidenceRefDto {
  @ApiPropertyOptional({ example: 'https://portoalegre.rs.gov.br/decreto-123.pdf' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;
  @ApiPropertyOptional({ description: 'sha256 returned by the evidence upload' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  file?: string;
  @ApiPropertyOptional({ description: 'Name to show for an uploaded file' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fileName?: string;
}

export class AnswerSaveDto {
  @ApiProperty({ example: 'governance' }) @IsString() @MaxLength(64) group: string;
  @ApiProperty({ example: 'focal-body' }) @IsString() @MaxLength(64) itemKey: string;

  @ApiProperty({ description: 'The answer, or null to clear it (and its evidence)', example: 'yes', nullable: true })
  @ValidateIf((o: AnswerSaveDto) => o.value !== null)
  @IsDefined(withMessage('common.validation.answer-value'))
  value: unknown;

  @ApiPropertyOptional({ type: [EvidenceRefDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EvidenceRefDto)
  evidence?: EvidenceRefDto[];

  @ApiProperty({ description: 'The version of the answer this save changes: 0 for a first answer', example: 0 })
  @IsInt()
  @Min(0)
  expectedVersion: number;
}

export class SaveAnswersDto {
  @ApiProperty({ type: [AnswerSaveDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AnswerSaveDto)
  answers: AnswerSaveDto[];
}

export class ReviewDecisionDto {
  @ApiProperty() @IsString() @MaxLength(64) group: string;
  @ApiProperty() @IsString() @MaxLength(64) itemKey: string;
  @ApiProperty({ enum: ['accept', 'adjust', 'send-back'] }) @IsIn(['accept', 'adjust', 'send-back']) decision:
    'accept' | 'adjust' | 'send-back';
  @ApiPropertyOptional({ description: 'The reviewer\u2019s rating, for "adjust"', example: 'partial' })
  @IsOptional()
  rating?: unknown;
  @ApiPropertyOptional({ description: 'Justification ("adjust") or comment to the official ("send-back")' })
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  note?: string;
}

export class ReviewItemsDto {
  @ApiProperty({ type: [ReviewDecisionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReviewDecisionDto)
  decisions: ReviewDecisionDto[];
}

export class ReasonDto {
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(3000) reason: string;
}

export class PriorityDto {
  @ApiProperty() @IsString() @MaxLength(64) group: string;
  @ApiProperty() @IsString() @MaxLength(64) itemKey: string;
  @ApiProperty({ description: 'What the government commits to do' })
  @IsString()
  @MinLength(10)
  @MaxLength(3000)
  commitment: string;
}

export class SetPrioritiesDto {
  @ApiProperty({ type: [PriorityDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PriorityDto)
  priorities: PriorityDto[];
}

export class ProgressReportDto {
  @ApiProperty() @IsString() @MaxLength(36) priorityId: string;
  @ApiProperty({ enum: ['not-started', 'in-progress', 'achieved'] })
  @IsIn(['not-started', 'in-progress', 'achieved'])
  status: 'not-started' | 'in-progress' | 'achieved';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(3000) note?: string;
}

export class ReportProgressDto {
  @ApiProperty({ type: [ProgressReportDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProgressReportDto)
  reports: ProgressReportDto[];
}

export class QueueQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() edition?: number;
  @ApiPropertyOptional({ description: 'State abbreviation', example: 'RS' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, withMessage('common.validation.uf'))
  uf?: string;
  @ApiPropertyOptional({ example: 'submitted' }) @IsOptional() @IsString() @MaxLength(30) status?: string;
}
