import { Global, Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Clock, SystemClock } from './common/clock.js';
import { loggerParams } from './common/logging.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClearanceModule } from './rights/clearance.module.js';
import { AppConfig } from './config/app-config.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthController } from './health/health.controller.js';
import { HoldsModule } from './holds/holds.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';
import { PortalModule } from './portal/portal.module.js';
import { RemovalsModule } from './removals/removals.module.js';
import { RevocationsModule } from './revocations/revocations.module.js';
import { ConsentModule } from './consent/consent.module.js';
import { FormsModule } from './forms/forms.module.js';
import { PatientsModule } from './patients/patients.module.js';
import { MediaModule } from './media/media.module.js';
import { PhotosModule } from './photos/photos.module.js';
import { PublicationsModule } from './publications/publications.module.js';
import { ReleasesModule } from './releases/releases.module.js';
import { SigningModule } from './signing/signing.module.js';
import { ShutdownState } from './health/shutdown-state.js';
import { StorageModule } from './storage/storage.module.js';

/** Providers every feature may inject: the typed config, the clock, the shutdown state. */
@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: AppConfig, useValue: config }, { provide: Clock, useClass: SystemClock }, ShutdownState],
      exports: [AppConfig, Clock, ShutdownState],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, migrationUrl = config.database.migrationUrl): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.log.level, config.env)),
        DatabaseModule.forRoot(databaseUrl, config.database.poolSize, migrationUrl),
        StorageModule.forRoot(config),
        JobsModule.forRoot(databaseUrl),
        AuditModule,
        AuthModule,
        PhotosModule,
        PatientsModule,
        ReleasesModule,
        ClearanceModule,
        PublicationsModule,
        MediaModule,
        HoldsModule,
        RemovalsModule,
        RevocationsModule,
        ConsentModule,
        FormsModule,
        PortalModule,
        SigningModule,
        IdempotencyModule,
      ],
      controllers: [HealthController],
    };
  }
}
