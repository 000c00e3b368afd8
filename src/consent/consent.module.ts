import { Global, Module } from '@nestjs/common';
import { RemovalsModule } from '../removals/removals.module.js';
import { ClearanceModule } from '../rights/clearance.module.js';
import { ConsentChanges } from '../rights/consent-changes.js';
import { ConsentChangeService } from './consent-change.service.js';
import { RemovalCaseOpeningService } from './removal-case-opening.service.js';

/**
 * Provides the unit of work of a consent change to every feature that makes one, each of which
 * sits above the records it reads and asks for it by its declaration, ConsentChanges.
 */
@Global()
@Module({
  imports: [ClearanceModule, RemovalsModule],
  providers: [
    RemovalCaseOpeningService,
    ConsentChangeService,
    { provide: ConsentChanges, useExisting: ConsentChangeService },
  ],
  exports: [ConsentChanges],
})
export class ConsentModule {}
