import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfig } from '../config/app-config.js';
import { AccessGuard } from './access.guard.js';
import { AdminBootstrap } from './admin-bootstrap.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { IdentifiedDataInterceptor } from './identified-data.interceptor.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { PatientSessionsService } from './patient-sessions.service.js';
import { SessionPruner } from './session-pruner.js';
import { StaffSessionChanges } from './staff-session-changes.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/** Staff accounts, sessions, second factor, API keys, patients' portal sessions, and the guard in front of every route. */
@Module({
  controllers: [AuthController, UsersController, ApiKeysController],
  providers: [
    {
      provide: PasswordHasher,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new PasswordHasher(config.auth.passwordHash),
    },
    UsersService,
    AuthService,
    ApiKeysService,
    LoginThrottleService,
    PatientSessionsService,
    SessionPruner,
    StaffSessionChanges,
    AdminBootstrap,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: IdentifiedDataInterceptor },
  ],
  exports: [UsersService, PatientSessionsService, LoginThrottleService],
})
export class AuthModule {}
