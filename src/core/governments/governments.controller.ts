import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { GovernmentQueryDto } from './governments.dto';
import { GovernmentsService } from './governments.service';

@ApiTags('governments')
@Public()
@Controller('api/governments')
export class GovernmentsController {
  constructor(private readonly governments: GovernmentsService) {}

  @Get()
  @ApiOperation({ summary: 'Municipalities and federative units that can enrol, filtered and paginated' })
  search(@Query() query: GovernmentQueryDto) {
    return this.governments.search(query);
  }

  @Get(':ibgeCode')
  @ApiOperation({ summary: 'One government by its IBGE code' })
  get(@Param('ibgeCode') ibgeCode: string) {
    return this.governments.get(ibgeCode);
  }
}
