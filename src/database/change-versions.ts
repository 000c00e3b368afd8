import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { DataSource } from 'typeorm';

const RECONNECT_DELAY_MS = 1000;

/**
 * Versions of the rows that something keeps in memory, moved by the committed changes PostgreSQL
 * notifies on one channel (database triggers send them, naming the key whose rows changed: a
 * patient, a user), heard from any instance through LISTEN on a connection of its own.
 *
 * A reader notes `changeCount` before it reads, keeps what it read under `versionToKeep()` (none
 * when a change was heard meanwhile or nothing is heard), and uses it only while `isCurrent()`.
 * A key's version moves with every change heard for it, and every key's whenever
 * hearing stops or starts again, since changes may have been missed meanwhile.
 *
 * A notification arrives a little after its change commits, so a change committed here could be
 * followed by a request that reads a kept row before the notification is back. Every service that
 * makes such a change therefore calls `committed(key)` once its transaction has committed; another
 * instance's change is heard within milliseconds.
 */
export abstract class ChangeVersions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private client: pg.Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private listening = false;
  /** Moves when hearing is lost or regained: every key's version with it. */
  private epoch = 0;
  private readonly keyChanges = new Map<string, number>();
  /** Moves with every change heard or made here, whoever's, and with the epoch. */
  private changes = 0;

  /** `channel` is the triggers'; `name` names the listener in the logs and in pg_stat_activity. */
  protected constructor(
    private readonly dataSource: DataSource,
    private readonly channel: string,
    private readonly name: string,
  ) {
    this.logger = new Logger(new.target.name);
  }

  get hearing(): boolean {
    return this.listening;
  }

  /** Changes whenever the rows of the key may have changed. */
  version(key: string): string {
    return `${this.epoch}.${this.keyChanges.get(key) ?? 0}`;
  }

  /**
   * Moves with every change of any key. A read that began and ended with the same count may be kept
   * under the versions of that moment, whichever keys it turned out to be about.
   */
  get changeCount(): number {
    return this.changes;
  }

  /** Whether something kept under `version` of the key may still be used. */
  isCurrent(key: string, version: string): boolean {
    return this.listening && version === this.version(key);
  }

  /**
   * The version under which to keep a read of the key that began when the change count was
   * `changesBefore`, or undefined when it must not be kept: a change was heard while it ran, or
   * nothing is being heard.
   */
  versionToKeep(key: string, changesBefore: number): string | undefined {
    return this.listening && this.changes === changesBefore ? this.version(key) : undefined;
  }

  /** A change of the key's rows has committed: heard from any instance, or told by a service of this one. */
  committed(key: string): void {
    this.keyChanges.set(key, (this.keyChanges.get(key) ?? 0) + 1);
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
      application_name: `photo-consent-service (${this.name})`,
    });
    this.client = client;
    client.on('notification', (message) => this.committed(message.payload ?? ''));
    client.on('error', (error) => {
      this.logger.warn(
        { err: error },
        `Lost the ${this.name} listener; what it keeps current is read from the database`,
      );
      this.retry(client);
    });
    client.on('end', () => this.retry(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      // Whatever changed before this point was not heard.
      this.epoch += 1;
      this.changes += 1;
      this.listening = true;
    } catch (error) {
      this.logger.warn({ err: error }, `Could not listen for ${this.name}; retrying`);
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
    // Every version has moved with the epoch: the per-key counts can start again.
    this.keyChanges.clear();
  }
}
