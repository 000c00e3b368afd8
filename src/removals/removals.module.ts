import { Module } from '@nestjs/common';
import { ClearanceModule } from '../clearance/clearance.module.js';
import { ImagesModule } from '../images/images.module.js';
import { RemovalCasesService } from './removal-cases.service.js';
import { RemovalTasksService } from './removal-tasks.service.js';
import { RemovalsController } from './removals.controller.js';
import { RevocationsService } from './revocations.service.js';

@Module({
  imports: [ClearanceModule, ImagesModule],
  controllers: [RemovalsController],
  providers: [RevocationsService, RemovalCasesService, RemovalTasksService],
})
export class RemovalsModule {}
