import { Module } from '@nestjs/common';
import { NotificationsService } from './notifications.service.js';
import { OutboxController } from './outbox.controller.js';

@Module({
  controllers: [OutboxController],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
