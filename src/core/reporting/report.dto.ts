import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { type Language, LANGUAGES } from '../i18n/message';

export class ReportQueryDto {
  @ApiPropertyOptional({
    enum: LANGUAGES,
    default: 'pt-BR',
    description: 'The report\u2019s language: pt-BR (the programme\u2019s) or en',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang: Language = 'pt-BR';
}
