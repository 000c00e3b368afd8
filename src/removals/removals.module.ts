import { Module } from '@nestjs/common';
import { ImagesModule } from '../images/images.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ClearanceModule } from '../rights/clearance.module.js';
import { DiscoveredPublicationsService } from './discovered-publications.service.js';
import { RemovalCasesController } from './removal-cases.controller.js';
import { RemovalCasesService } from './removal-cases.service.js';
import { RemovalNotifier } from './removal-notifier.js';
import { RemovalReportService } from './removal-report.service.js';
import { RemovalReportsController } from './removal-reports.controller.js';
import { RemovalTaskOwnersController } from './removal-task-owners.controller.js';
import { RemovalTaskOwnersService } from './removal-task-owners.service.js';
import { RemovalTasksController } from './removal-tasks.controller.js';
import { RemovalTasksService } from './removal-tasks.service.js';
import { RemovalTimers } from './removal-timers.js';
import { UrlCheckService } from './url-check.service.js';

/** The removal workflow once a case is open (docs/architecture.md §3): cases, tasks, owners, timers, reports. */
@Module({
  imports: [ClearanceModule, ImagesModule, NotificationsModule],
  controllers: [RemovalCasesController, RemovalTasksController, RemovalTaskOwnersController, RemovalReportsController],
  providers: [
    RemovalCasesService,
    RemovalTasksService,
    RemovalTimers,
    RemovalNotifier,
    RemovalTaskOwnersService,
    RemovalReportService,
    UrlCheckService,
    DiscoveredPublicationsService,
  ],
  exports: [RemovalTimers, RemovalNotifier],
})
export class RemovalsModule {}
