import { Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { LocalDiskObjectStore } from './local-disk.object-store.js';
import { ObjectStore } from './object-store.js';
import { ObjectOwners } from './object-owners.js';
import { OrphanSweeper } from './orphan-sweeper.js';
import { PresignedTokenSigner } from './presigned-token.js';
import { S3ObjectStore } from './s3.object-store.js';
import { StorageController } from './storage.controller.js';

class S3ClientCloser implements OnApplicationShutdown {
  constructor(@Inject(ObjectStore) private readonly store: ObjectStore) {}
  onApplicationShutdown(): void {
    if (this.store instanceof S3ObjectStore) this.store.close();
  }
}

/**
 * Provides the ObjectStore chosen by STORAGE_DRIVER. Only the local store needs the service to
 * serve its presigned links, so only it mounts `/storage/{token}`.
 */
@Module({})
export class StorageModule {
  static forRoot(config: AppConfig): DynamicModule {
    const storage = config.storage;
    if (storage.driver === 's3') {
      return {
        module: StorageModule,
        global: true,
        providers: [
          {
            provide: ObjectStore,
            inject: [Clock],
            useFactory: (clock: Clock) => new S3ObjectStore(storage, config.presignTtlSeconds, clock),
          },
          S3ClientCloser,
          OrphanSweeper,
          ObjectOwners,
        ],
        exports: [ObjectStore, OrphanSweeper, ObjectOwners],
      };
    }
    return {
      module: StorageModule,
      global: true,
      controllers: [StorageController],
      providers: [
        { provide: PresignedTokenSigner, useValue: new PresignedTokenSigner(storage.signingSecret) },
        {
          provide: ObjectStore,
          inject: [PresignedTokenSigner, Clock],
          useFactory: (signer: PresignedTokenSigner, clock: Clock) =>
            new LocalDiskObjectStore(
              storage.rootDir,
              signer,
              config.http.publicBaseUrl,
              config.presignTtlSeconds,
              clock,
            ),
        },
        OrphanSweeper,
        ObjectOwners,
      ],
      exports: [ObjectStore, OrphanSweeper, ObjectOwners],
    };
  }
}
