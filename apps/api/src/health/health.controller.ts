import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  DiskHealthIndicator,
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { resolve } from 'node:path';
import { AppConfig } from '../config/app-config';
import { Public } from '../common/auth.decorators';

@ApiTags('operations')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly disk: DiskHealthIndicator,
    private readonly config: AppConfig,
  ) {}

  /** For load balancers and uptime checks: the database answers and the data disk is not full. */
  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 1500 }),
      () =>
        this.disk.checkStorage('disk', { path: resolve(this.config.env.DATA_DIR), thresholdPercent: 0.95 }),
    ]);
  }
}
