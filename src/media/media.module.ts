import { Module } from '@nestjs/common';
import { ClearanceModule } from '../clearance/clearance.module.js';
import { MediaController } from './media.controller.js';
import { MediaService } from './media.service.js';

@Module({
  imports: [ClearanceModule],
  controllers: [MediaController],
  providers: [MediaService],
})
export class MediaModule {}
