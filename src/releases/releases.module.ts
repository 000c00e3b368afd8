import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module.js';
import { ReleaseFormsController } from './release-forms.controller.js';
import { ReleaseFormsService } from './release-forms.service.js';
import { ClearanceModule } from '../rights/clearance.module.js';
import { ImagesModule } from '../images/images.module.js';
import { ReleasesController } from './releases.controller.js';
import { ReleaseExpiryJob } from './release-expiry.js';
import { ReleasesService } from './releases.service.js';

@Module({
  imports: [ClearanceModule, ImagesModule, FormsModule],
  controllers: [ReleasesController, ReleaseFormsController],
  providers: [ReleasesService, ReleaseExpiryJob, ReleaseFormsService],
  exports: [ReleasesService, ReleaseFormsService],
})
export class ReleasesModule {}
