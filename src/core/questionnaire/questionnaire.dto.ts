import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import type { AnswerSet } from './questionnaire.types';

export class ScoreAnswersDto {
  @ApiProperty({
    description:
      'Answers keyed by item key: "yes" | "partial" | "no" | "not-applicable", an option key, a list of option keys, a number, text, or {"url"} / {"file"} for evidence.',
    example: { 'focal-body': 'yes', 'local-policy': 'partial', 'local-policy-instrument': 'decree' },
  })
  @IsObject()
  answers: AnswerSet;

  @ApiPropertyOptional({ description: 'Items whose evidence a reviewer accepted.', example: ['focal-body'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  acceptedEvidence?: string[];
}

export class GroupAnswersDto extends ScoreAnswersDto {
  @ApiProperty({ example: 'governance' })
  @IsString()
  group: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class ScoreIndexDto {
  @ApiProperty({
    description: 'One entry per indicator group: its slug, questionnaire version and answers.',
    type: [GroupAnswersDto],
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => GroupAnswersDto)
  groups: GroupAnswersDto[];
}
