import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: database reachable, questionnaires loaded' })
  health() {
    return this.service.status();
  }
}
