import { Module } from '@nestjs/common';
import { ClearanceChanges } from './clearance-changes.js';
import { ClearanceController } from './clearance.controller.js';
import { ClearanceService } from './clearance.service.js';
import { LookupService } from './lookup.service.js';
import { ImagesModule } from '../images/images.module.js';

@Module({
  imports: [ImagesModule],
  controllers: [ClearanceController],
  providers: [ClearanceService, ClearanceChanges, LookupService],
  exports: [ClearanceService, ClearanceChanges, LookupService],
})
export class ClearanceModule {}
