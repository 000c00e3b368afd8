import { Module } from '@nestjs/common';
import { ClearanceModule } from '../rights/clearance.module.js';
import { PublicationsController } from './publications.controller.js';
import { PublicationsService } from './publications.service.js';
import { ReportsController } from './reports.controller.js';
import { RightsReportService } from './rights-report.service.js';

@Module({
  imports: [ClearanceModule],
  controllers: [PublicationsController, ReportsController],
  providers: [PublicationsService, RightsReportService],
  exports: [PublicationsService],
})
export class PublicationsModule {}
