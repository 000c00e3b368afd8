import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';

export const CLEARANCE_CHANGED_CHANNEL = 'clearance_changed';
const RECONNECT_DELAY_MS = 1000;

/**
 * Hears every committed change that can change a clearance decision, from any instance, through
 * PostgreSQL LISTEN on a connection of its own (the triggers of migration ClearanceChangeNotify
 * send them, naming the patient). Anything that keeps a decision in memory notes `version(patient)`
 * when it starts reading, keeps the decision only while `hearing`, and drops it once the version
 * moves: it moves with every change heard for that patient, and for every patient whenever
 * hearing stops, since changes may then be missed.
 *
 * A notification arrives a little after its change commits, so a change committed here could be
 * followed by a request that reads a kept decision before the notification is back. Every service
 * that changes a release, hold or revocation therefore calls `committed(patient)` once its
 * transaction has committed; another instance's change is heard within milliseconds.
 */
@Injectable()
export class ClearanceChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClearanceChanges.name);
  private client: pg.Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private listening = false;
  /** Moves when hearing is lost or regained: every patient's version with it. */
  private epoch = 0;
  private readonly patientChanges = new Map<string, number>();
  /** Moves with every change heard or made here, whoever's, and with the epoch. */
  private changes = 0;

  constructor(private readonly dataSource: DataSource) {}

  get hearing(): boolean {
    return this.listening;
  }

  /** Changes whenever a decision about the patient's photos may have changed. */
  version(patientId: string): string {
    return `${this.epoch}.${this.patientChanges.get(patientId) ?? 0}`;
  }

  /**
   * Moves with every change to anyone's decisions. A read that began and ended with the same count
   * may be kept under the versions of that moment, whichever patients it turned out to be about.
   */
  get changeCount(): number {
    return this.changes;
  }

  /** A change for the patient has committed: heard from any instance, or told by a service of this one. */
  committed(patientId: string): void {
    this.patientChanges.set(patientId, (this.patientChanges.get(patientId) ?? 0) + 1);
    this.changes += 1;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.lost();
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({
      // The service's own database: dataSourceOptions() always connects by URL.
      connectionString: (this.dataSource.options as { url?: string }).url,
      application_name: 'photo-consent-service (clearance changes)',
    });
    this.client = client;
    client.on('notification', (message) => this.committed(message.payload ?? ''));
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'Lost the clearance change listener; decisions are read from the database');
      this.retry(client);
    });
    client.on('end', () => this.retry(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CLEARANCE_CHANGED_CHANNEL}`);
      // Whatever changed before this point was not heard.
      this.epoch += 1;
      this.changes += 1;
      this.listening = true;
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not listen for clearance changes; retrying');
      this.retry(client);
    }
  }

  private retry(client: pg.Client): void {
    if (client !== this.client) return;
    this.lost();
    this.client = undefined;
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.reconnectTimer = setTimeout(() => void this.listen(), RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }

  private lost(): void {
    this.listening = false;
    this.epoch += 1;
    this.changes += 1;
    // Every version has moved with the epoch: the per-patient counts can start again.
    this.patientChanges.clear();
  }
}
