import { Module } from '@nestjs/common';
import { ClearanceModule } from '../clearance/clearance.module.js';
import { ImagesModule } from '../images/images.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { DiscoveredPublications } from './discovered-publications.js';
import { ReleaseExpiryCases } from './release-expiry.js';
import { RemovalCaseOpener } from './removal-case-opener.js';
import { RemovalCasesService } from './removal-cases.service.js';
import { RemovalNotifier } from './removal-notifier.js';
import { RemovalTaskOwnersService } from './removal-task-owners.service.js';
import { RemovalReportService } from './removal-report.service.js';
import { RemovalTimers } from './removal-timers.js';
import { RemovalTasksService } from './removal-tasks.service.js';
import { RemovalsController } from './removals.controller.js';
import { RevocationsService } from './revocations.service.js';
import { UrlCheck } from './url-check.js';

@Module({
  imports: [ClearanceModule, ImagesModule, NotificationsModule],
  controllers: [RemovalsController],
  providers: [
    RevocationsService,
    RemovalCasesService,
    RemovalTasksService,
    RemovalCaseOpener,
    RemovalTimers,
    RemovalNotifier,
    RemovalTaskOwnersService,
    ReleaseExpiryCases,
    RemovalReportService,
    UrlCheck,
    DiscoveredPublications,
  ],
  exports: [RevocationsService, RemovalCaseOpener],
})
export class RemovalsModule {}
