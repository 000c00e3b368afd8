import { Module } from '@nestjs/common';
import { PhotosModule } from '../photos/photos.module.js';
import { CasesService } from './cases.service.js';
import { PatientsController } from './patients.controller.js';
import { PatientsService } from './patients.service.js';

@Module({
  imports: [PhotosModule],
  controllers: [PatientsController],
  providers: [PatientsService, CasesService],
  exports: [PatientsService],
})
export class PatientsModule {}
