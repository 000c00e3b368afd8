import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { configureApp, createHttpAdapter } from '../src/app.js';
import { AppModule } from '../src/app.module.js';
import { SYSTEM_CALLER } from '../src/common/caller.js';
import type { Role } from '../src/common/roles.js';
import { UsersService } from '../src/auth/users.service.js';
import type { AppConfig } from '../src/config/app-config.js';
import { signedFormPdf } from '../test/support/images.js';
import { releaseFields } from '../test/support/records.js';
import { call, closeCallAgent, form, text, type RequestBody } from './http-client.js';

// The service as the benchmarks drive it: the real AppModule listening on a free port, staff
// signed in, and records made through the API (with bench/http-client.ts). closeAll() undoes it.

const CLOSE_TIMEOUT_MS = 30_000;
const PASSWORD = 'velvet otter compass 7 drizzle';

const liveApps = new Set<NestFastifyApplication>();
const liveAgents = new Set<http.Agent>();

/** Destroys an agent of keepAlive() and forgets it. */
export function dropAgent(agent: http.Agent): void {
  agent.destroy();
  liveAgents.delete(agent);
}

/** Closes every app started and every agent made here. */
export async function closeAll(): Promise<void> {
  for (const agent of [...liveAgents]) dropAgent(agent);
  closeCallAgent();
  for (const app of [...liveApps]) await closeApp(app).catch(() => undefined);
}

export interface Started {
  app: NestFastifyApplication;
  port: number;
}

export function keepAlive(maxSockets: number): http.Agent {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  liveAgents.add(agent);
  return agent;
}

/**
 * The real AppModule, built the way the tests build it, listening on a free port. `override` may
 * replace providers (a clock the benchmark moves) before the module compiles.
 */
export async function startApp(
  config: AppConfig,
  databaseUrl: string,
  controllers: Type[],
  override: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): Promise<Started> {
  const moduleRef = await override(
    Test.createTestingModule({
      imports: [AppModule.forRoot(config, databaseUrl)],
      controllers,
    }),
  ).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), { logger: false });
  liveApps.add(app);
  await configureApp(app);
  await app.init();
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.getHttpServer().address() as AddressInfo).port };
}

export async function closeApp(app: NestFastifyApplication): Promise<void> {
  if (!liveApps.delete(app)) return;
  await Promise.race([app.close(), sleep(CLOSE_TIMEOUT_MS, undefined, { ref: false })]);
}

export interface Staff {
  frontDesk: string;
  marketing: string;
}

export async function signInStaff(started: Started): Promise<Staff> {
  const token = async (role: Role) => {
    const email = `${role.replace('_', '-')}@bench.test`;
    await started.app
      .get(UsersService)
      .create({ email, displayName: `Bench ${role}`, role, password: PASSWORD }, SYSTEM_CALLER);
    const reply = await call(started.port, 'POST', '/api/v1/auth/login', undefined, {
      json: { email, password: PASSWORD },
    });
    if (reply.status !== 200) throw new Error(`sign-in as ${email} answered ${reply.status}: ${text(reply)}`);
    return (reply.json as { token: string }).token;
  };
  return { frontDesk: await token('front_desk'), marketing: await token('marketing') };
}

export interface Seeded {
  patientId: string;
  photoId: string;
  releaseId: string;
  webBytes: number;
}

let patientCounter = 0;

/**
 * Through the API as the front desk: a patient, a case, the photo (`before`, face not visible) and
 * a release covering all cases whose scope allows the website.
 */
export async function seedConsentedPhoto(started: Started, staff: Staff, jpeg: Buffer): Promise<Seeded> {
  patientCounter += 1;
  const created = async (path: string, body: RequestBody) => {
    const reply = await call(started.port, 'POST', path, staff.frontDesk, body);
    if (reply.status !== 201) throw new Error(`POST ${path} answered ${reply.status}: ${text(reply)}`);
    return reply.json as { id: string; web?: { bytes: number } };
  };
  const patient = await created('/api/v1/patients', {
    json: { fullName: `Bench Patient${patientCounter}`, dateOfBirth: '1985-06-15' },
  });
  const treatmentCase = await created(`/api/v1/patients/${patient.id}/cases`, {
    json: { procedure: 'Rhinoplasty', provider: 'Dr. A. Smith', treatmentDate: '2026-02-01' },
  });
  const photo = await created(
    `/api/v1/cases/${treatmentCase.id}/photos`,
    form({ kind: 'before', faceVisible: false }, 'file', {
      bytes: jpeg,
      fileName: 'photo.jpg',
      contentType: 'image/jpeg',
    }),
  );
  // Signed yesterday, expiring in five years, whatever the date the benchmark runs on.
  const now = Date.now();
  const release = await created(
    `/api/v1/patients/${patient.id}/releases`,
    form(
      releaseFields({
        signedAt: new Date(now - 86_400_000).toISOString(),
        expiresAt: new Date(now + 5 * 365 * 86_400_000).toISOString(),
      }),
      'document',
      { bytes: signedFormPdf(), fileName: 'release.pdf', contentType: 'application/pdf' },
    ),
  );
  return { patientId: patient.id, photoId: photo.id, releaseId: release.id, webBytes: photo.web?.bytes ?? NaN };
}
