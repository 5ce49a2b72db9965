import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Public } from '../auth/access.decorator';
import { DashboardService } from './dashboard.service';

export class DashboardQueryDto {
  @ApiPropertyOptional({ description: 'Edition year; the latest edition when absent', example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  edition?: number;
}

@ApiTags('dashboard')
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('api/dashboard/national')
  @Public()
  @ApiOperation({
    summary:
      'The national picture of an edition: counts per edition, region and state, score spreads per group, priorities',
  })
  national(@Query() query: DashboardQueryDto) {
    return this.dashboard.national(query.edition);
  }
}
