import { Module } from '@nestjs/common';
import { ClearanceModule } from '../rights/clearance.module.js';
import { HoldsController } from './holds.controller.js';
import { HoldsService } from './holds.service.js';

@Module({
  imports: [ClearanceModule],
  controllers: [HoldsController],
  providers: [HoldsService],
})
export class HoldsModule {}
