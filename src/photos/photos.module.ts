import { Module } from '@nestjs/common';
import { ClearanceModule } from '../clearance/clearance.module.js';
import { ImagesModule } from '../images/images.module.js';
import { FingerprintBackfill } from './fingerprint-backfill.js';
import { PhotosController } from './photos.controller.js';
import { PhotosService } from './photos.service.js';

@Module({
  imports: [ImagesModule, ClearanceModule],
  controllers: [PhotosController],
  providers: [PhotosService, FingerprintBackfill],
  exports: [PhotosService],
})
export class PhotosModule {}
