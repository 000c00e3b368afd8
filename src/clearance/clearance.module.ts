import { Module } from '@nestjs/common';
import { ClearanceChanges } from './clearance-changes.js';
import { ClearanceController } from './clearance.controller.js';
import { ClearanceService } from './clearance.service.js';

@Module({
  controllers: [ClearanceController],
  providers: [ClearanceService, ClearanceChanges],
  exports: [ClearanceService, ClearanceChanges],
})
export class ClearanceModule {}
