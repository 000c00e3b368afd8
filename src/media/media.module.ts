import { Module } from '@nestjs/common';
import { ClearanceModule } from '../rights/clearance.module.js';
import { MediaService } from './media.service.js';

@Module({
  imports: [ClearanceModule],
  providers: [MediaService],
  exports: [MediaService],
})
export class MediaModule {}
