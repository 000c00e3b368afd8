import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChangeVersions } from '../database/change-versions.js';

export const STAFF_SESSIONS_CHANGED_CHANNEL = 'staff_sessions_changed';

/**
 * Hears every committed change to a staff member's sessions or account, from any instance, keyed by
 * user (the triggers of migration StaffSessionChangeNotify send them). Every service that ends a
 * session, verifies its second factor or changes a user calls `committed(user)` once its
 * transaction has committed, so that the next request through this instance already sees it.
 */
@Injectable()
export class StaffSessionChanges extends ChangeVersions {
  constructor(dataSource: DataSource) {
    super(dataSource, STAFF_SESSIONS_CHANGED_CHANNEL, 'staff session changes');
  }
}
