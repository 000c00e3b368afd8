import { Module } from '@nestjs/common';
import { ClearanceModule } from '../clearance/clearance.module.js';
import { PhotosModule } from '../photos/photos.module.js';
import { RemovalsModule } from '../removals/removals.module.js';
import { CasesService } from './cases.service.js';
import { PatientsController } from './patients.controller.js';
import { PatientsService } from './patients.service.js';

@Module({
  imports: [PhotosModule, ClearanceModule, RemovalsModule],
  controllers: [PatientsController],
  providers: [PatientsService, CasesService],
  exports: [PatientsService],
})
export class PatientsModule {}
