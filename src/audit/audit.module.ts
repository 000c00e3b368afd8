import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditSealer } from './audit-sealer.js';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditService } from './audit.service.js';

/** The audit trail; global because every feature records into it. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditSealer, AuditTrailService],
  exports: [AuditService, AuditSealer, AuditTrailService],
})
export class AuditModule {}
