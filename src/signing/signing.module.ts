import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ReleasesModule } from '../releases/releases.module.js';
import { SealingModule } from '../sealing/sealing.module.js';
import { SignatureRecorder } from './signature-recorder.service.js';
import { SigningLinksController } from './signing-links.controller.js';
import { SigningLinksService } from './signing-links.service.js';
import { SigningRequestsController } from './signing-requests.controller.js';
import { SigningRequestsService } from './signing-requests.service.js';

/** Release forms signed on the service's own screens, sealed, recorded as releases. */
@Module({
  imports: [ReleasesModule, SealingModule, NotificationsModule],
  controllers: [SigningRequestsController, SigningLinksController],
  providers: [SigningRequestsService, SigningLinksService, SignatureRecorder],
})
export class SigningModule {}
