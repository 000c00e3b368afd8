import { Module } from '@nestjs/common';
import { ClearanceModule } from '../rights/clearance.module.js';
import { ImagesModule } from '../images/images.module.js';
import { ReleasesController } from './releases.controller.js';
import { ReleaseExpiryJob } from './release-expiry.js';
import { ReleasesService } from './releases.service.js';

@Module({
  imports: [ClearanceModule, ImagesModule],
  controllers: [ReleasesController],
  providers: [ReleasesService, ReleaseExpiryJob],
  exports: [ReleasesService],
})
export class ReleasesModule {}
