import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RemovalsModule } from '../removals/removals.module.js';
import { PortalThrottle } from './portal-throttle.js';
import { PortalPageController } from './page/portal-page.controller.js';
import { PortalController } from './portal.controller.js';
import { PortalService } from './portal.service.js';

/** The patient portal: one-time links, the patient's own records, revoking from home. */
@Module({
  imports: [AuthModule, NotificationsModule, RemovalsModule],
  controllers: [PortalController, PortalPageController],
  providers: [PortalService, PortalThrottle],
})
export class PortalModule {}
