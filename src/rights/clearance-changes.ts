import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChangeVersions } from '../database/change-versions.js';

export const CLEARANCE_CHANGED_CHANNEL = 'clearance_changed';

/**
 * Hears every committed change that can change a clearance decision, from any instance, keyed by
 * patient (the triggers of migration ClearanceChangeNotify send them). Every consent change
 * calls `committed(patient)` once its transaction has committed (ConsentChanges does it).
 */
@Injectable()
export class ClearanceChanges extends ChangeVersions {
  constructor(dataSource: DataSource) {
    super(dataSource, CLEARANCE_CHANGED_CHANNEL, 'clearance changes');
  }
}
