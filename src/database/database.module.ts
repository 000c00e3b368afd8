import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from './data-source.js';

/** TypeORM on PostgreSQL; pending migrations are applied before the service takes requests. */
@Module({})
export class DatabaseModule {
  static forRoot(url: string, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // A server that is still starting (compose, a failover) gets a few seconds, not minutes.
          useFactory: () => ({ ...dataSourceOptions(url, poolSize), retryAttempts: 5, retryDelay: 2000 }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('no data source options');
            const dataSource = await new DataSource(options).initialize();
            const applied = await migrate(dataSource);
            if (applied.length > 0) new Logger(DatabaseModule.name).log(`applied migrations: ${applied.join(', ')}`);
            return dataSource;
          },
        }),
      ],
    };
  }
}
