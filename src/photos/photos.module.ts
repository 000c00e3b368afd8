import { Module } from '@nestjs/common';
import { ClearanceModule } from '../clearance/clearance.module.js';
import { ImagesModule } from '../images/images.module.js';
import { FingerprintBackfill } from './fingerprint-backfill.js';
import { PhotosController } from './photos.controller.js';
import { PhotoLibraryService } from './photo-library.service.js';
import { PhotosService } from './photos.service.js';

@Module({
  imports: [ImagesModule, ClearanceModule],
  controllers: [PhotosController],
  providers: [PhotosService, PhotoLibraryService, FingerprintBackfill],
  exports: [PhotosService],
})
export class PhotosModule {}
