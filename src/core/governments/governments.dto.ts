import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { GovernmentKindFilter, PageLimit, PageOffset, UfFilter } from '../http/query-params';

export class GovernmentQueryDto {
  @UfFilter()
  uf?: string;

  @GovernmentKindFilter()
  kind?: 'municipality' | 'state';

  @ApiPropertyOptional({ description: 'Part of the name; accents and case are ignored', example: 'porto' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @PageLimit(50, 1000)
  limit: number = 50;

  @PageOffset()
  offset: number = 0;
}
