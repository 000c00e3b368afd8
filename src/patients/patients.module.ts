import { Module } from '@nestjs/common';
import { ClearanceModule } from '../rights/clearance.module.js';
import { TreatmentCasesService } from './treatment-cases.service.js';
import { PatientsController } from './patients.controller.js';
import { PatientsService } from './patients.service.js';

@Module({
  imports: [ClearanceModule],
  controllers: [PatientsController],
  providers: [PatientsService, TreatmentCasesService],
  exports: [PatientsService, TreatmentCasesService],
})
export class PatientsModule {}
