import { Module } from '@nestjs/common';
import { ClearanceModule } from '../clearance/clearance.module.js';
import { ImagesModule } from '../images/images.module.js';
import { RemovalsModule } from '../removals/removals.module.js';
import { ReleasesController } from './releases.controller.js';
import { ReleasesService } from './releases.service.js';

@Module({
  imports: [ClearanceModule, ImagesModule, RemovalsModule],
  controllers: [ReleasesController],
  providers: [ReleasesService],
  exports: [ReleasesService],
})
export class ReleasesModule {}
