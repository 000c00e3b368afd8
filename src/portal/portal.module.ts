import { Module } from '@nestjs/common';
import { SealingModule } from '../sealing/sealing.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RevocationsModule } from '../revocations/revocations.module.js';
import { PortalThrottle } from './portal-throttle.js';
import { PortalController } from './portal.controller.js';
import { PortalService } from './portal.service.js';

/** The patient portal: one-time links, the patient's own records, revoking from home. */
@Module({
  imports: [AuthModule, NotificationsModule, RevocationsModule, SealingModule],
  controllers: [PortalController],
  providers: [PortalService, PortalThrottle],
})
export class PortalModule {}
