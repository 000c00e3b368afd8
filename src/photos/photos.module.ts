import { Module } from '@nestjs/common';
import { PatientsModule } from '../patients/patients.module.js';
import { TreatmentCasesController } from './treatment-cases.controller.js';
import { ClearanceModule } from '../rights/clearance.module.js';
import { ImagesModule } from '../images/images.module.js';
import { FingerprintBackfill } from './fingerprint-backfill.js';
import { PhotosController } from './photos.controller.js';
import { PhotoLibraryService } from './photo-library.service.js';
import { PhotosService } from './photos.service.js';

@Module({
  imports: [ImagesModule, ClearanceModule, PatientsModule],
  controllers: [PhotosController, TreatmentCasesController],
  providers: [PhotosService, PhotoLibraryService, FingerprintBackfill],
  exports: [PhotosService],
})
export class PhotosModule {}
