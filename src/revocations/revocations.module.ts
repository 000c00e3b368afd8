import { Module } from '@nestjs/common';
import { ImagesModule } from '../images/images.module.js';
import { RemovalsModule } from '../removals/removals.module.js';
import { RevocationsController } from './revocations.controller.js';
import { RevocationsService } from './revocations.service.js';

/** Revocations, recorded by staff or by the patient in the portal; each opens its removal case. */
@Module({
  imports: [ImagesModule, RemovalsModule],
  controllers: [RevocationsController],
  providers: [RevocationsService],
  exports: [RevocationsService],
})
export class RevocationsModule {}
