import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JOB_SCHEMA } from '../jobs/job-queue.js';
import { dataSourceOptions, migrate } from './data-source.js';
import { canDisableAuditTriggers, grantServingRole, roleOf } from './serving-role.js';

/**
 * TypeORM on PostgreSQL. Before the service takes requests, pending migrations are applied: with
 * `migrationUrl` (the schema's owner) they run as that role, which then grants the serving role
 * (the one in `url`) what it needs (src/database/serving-role.ts); without it, as the serving role.
 */
@Module({})
export class DatabaseModule {
  static forRoot(url: string, poolSize: number, migrationUrl?: string): DynamicModule {
    const logger = new Logger(DatabaseModule.name);
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // A server that is still starting (compose, a failover) gets a few seconds, not minutes.
          useFactory: () => ({ ...dataSourceOptions(url, poolSize), retryAttempts: 5, retryDelay: 2000 }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('no data source options');
            const separateOwner = migrationUrl !== undefined && roleOf(migrationUrl) !== roleOf(url);
            if (separateOwner) await migrateAsOwner(migrationUrl, roleOf(url), logger);
            const dataSource = await new DataSource(options).initialize();
            if (!separateOwner) {
              const applied = await migrate(dataSource);
              if (applied.length > 0) logger.log(`applied migrations: ${applied.join(', ')}`);
              await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${JOB_SCHEMA}`);
            }
            if (await canDisableAuditTriggers(dataSource)) {
              logger.warn(
                'The service serves requests as a database role that could switch off the audit trail’s ' +
                  'triggers (it owns the tables, or is a superuser). Set DATABASE_MIGRATION_URL to the owner and ' +
                  'DATABASE_URL to a serving role: see the README, "Database roles".',
              );
            }
            return dataSource;
          },
        }),
      ],
    };
  }
}

async function migrateAsOwner(migrationUrl: string, servingRole: string, logger: Logger): Promise<void> {
  // Two connections: migrate() holds one for its lock while the migrations run on the other.
  const owner = await new DataSource(dataSourceOptions(migrationUrl, 2)).initialize();
  try {
    const applied = await migrate(owner, (manager) => grantServingRole(manager, servingRole));
    if (applied.length > 0) logger.log(`applied migrations: ${applied.join(', ')}`);
  } finally {
    await owner.destroy();
  }
}
