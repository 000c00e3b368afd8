import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { createToolApp } from '../app.js';
import { SYSTEM_CALLER } from '../common/caller.js';
import type { Role } from '../common/roles.js';
import { UsersService } from '../auth/users.service.js';
import { runCommand } from '../config/command.js';
import { loadToolConfig } from '../config/app-config.js';
import { onePagePdf } from './one-page-pdf.js';
import { createApiClient, multipartBody, type components } from '../../web/src/api/client.js';

// npm run demo:seed: fills an empty database with a believable clinic for a demonstration or for
// trying the console: a staff member of each role (their passwords printed once), twelve patients
// (one a minor with a guardian), cases with before/after photos (drawn here: no real person),
// releases of varied scope, publications (some hosted), and one revocation with its removal case
// open. Everything but the accounts goes through the API, as the front desk and marketing would.
// Development only; refused in production and on a database that already holds patients.

type Client = ReturnType<typeof createApiClient>;
type Scope = components['schemas']['ScopeDto'];

const STAFF: { role: Role; email: string; name: string }[] = [
  { role: 'front_desk', email: 'frontdesk@clinic.example', name: 'Fran Desk' },
  { role: 'marketing', email: 'marketing@clinic.example', name: 'Mark Eting' },
  { role: 'privacy_officer', email: 'privacy@clinic.example', name: 'Priya Officer' },
  { role: 'admin', email: 'admin@clinic.example', name: 'Ada Min' },
];

const PATIENTS = [
  'Olivia Marsh',
  'Liam Castillo',
  'Emma Novak',
  'Noah Brennan',
  'Ava Lindqvist',
  'Lucas Ferreira',
  'Mia Okafor',
  'Ethan Duval',
  'Sofia Ricci',
  'Mason Whitfield',
  'Isla Moreau',
];

const PROCEDURES = [
  { procedure: 'Rhinoplasty', bodyArea: 'nose' },
  { procedure: 'Blepharoplasty', bodyArea: 'eyelids' },
  { procedure: 'Abdominoplasty', bodyArea: 'abdomen' },
  { procedure: 'Breast augmentation', bodyArea: 'chest' },
  { procedure: 'Laser resurfacing', bodyArea: 'cheek' },
];

const SCOPES: Scope[] = [
  {
    channels: ['website'],
    faceAllowed: false,
    obscureIdentifyingMarks: true,
    paidAdvertisingAllowed: false,
    educationalUseAllowed: false,
  },
  {
    channels: ['website', 'social'],
    deniedChannels: ['social.tiktok'],
    faceAllowed: false,
    obscureIdentifyingMarks: true,
    paidAdvertisingAllowed: false,
    educationalUseAllowed: true,
  },
  {
    channels: ['website', 'social', 'print', 'email'],
    faceAllowed: true,
    obscureIdentifyingMarks: false,
    paidAdvertisingAllowed: true,
    educationalUseAllowed: true,
  },
];

async function main(): Promise<number> {
  const config = loadToolConfig({ LOG_LEVEL: 'warn' });
  if (config.env === 'production') {
    process.stderr.write('demo:seed fills a database with made-up patients: it is refused in production.\n');
    return 78;
  }
  const { app, close } = await createToolApp(config);
  try {
    const [{ patients }] = await app
      .get(DataSource)
      .query<{ patients: number }[]>('SELECT count(*)::int AS patients FROM patients');
    if (patients > 0) {
      process.stderr.write(`This database already holds ${patients} patients: demo:seed fills only an empty one.\n`);
      return 1;
    }
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = await app.getUrl();
    const staff = await createStaff(app.get(UsersService));
    const signedInAs = (role: Role) => {
      const member = staff.find((candidate) => candidate.role === role);
      if (!member) throw new Error(`no ${role} was created`);
      return signedIn(baseUrl, member.email, member.password);
    };
    const frontDesk = await signedInAs('front_desk');
    const marketing = await signedInAs('marketing');
    const seeded = await seedClinic(frontDesk, marketing);
    process.stdout.write(
      [
        '',
        `Seeded ${seeded.patients} patients, ${seeded.photos} photos, ${seeded.releases} releases, ` +
          `${seeded.publications} publications and 1 revocation with its removal case open.`,
        'Staff (passwords shown once; the privacy officer and the admin set up a second factor at first sign-in):',
        ...staff.map((member) => `  ${member.role.padEnd(16)} ${member.email.padEnd(26)} ${member.password}`),
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await close();
  }
}

async function createStaff(users: UsersService): Promise<((typeof STAFF)[number] & { password: string })[]> {
  const created = [];
  for (const member of STAFF) {
    const password = randomBytes(15).toString('base64url');
    await users.create({ email: member.email, displayName: member.name, role: member.role, password }, SYSTEM_CALLER);
    created.push({ ...member, password });
  }
  return created;
}

async function signedIn(baseUrl: string, email: string, password: string): Promise<Client> {
  const login = await createApiClient({ baseUrl }).POST('/api/v1/auth/login', { body: { email, password } });
  const token = login.data?.token;
  if (!token) throw new Error(`signing in as ${email} failed: ${JSON.stringify(login.error)}`);
  return createApiClient({ baseUrl, token: () => token });
}

/** Answers the data of a call that must succeed, or fails with the problem it answered. */
function ok<T>(what: string, result: { data?: T; error?: unknown }): T {
  if (result.data === undefined) throw new Error(`${what} failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

async function seedClinic(frontDesk: Client, marketing: Client) {
  const counts = { patients: 0, photos: 0, releases: 0, publications: 0 };
  const patientIds: string[] = [];
  const everyone = [
    ...PATIENTS.map((fullName) => ({ fullName, minor: false })),
    { fullName: 'Leo Marsh', minor: true },
  ];
  for (const [index, person] of everyone.entries()) {
    const patient = ok(
      'registering a patient',
      await frontDesk.POST('/api/v1/patients', {
        body: {
          fullName: person.fullName,
          dateOfBirth: person.minor ? '2011-05-14' : `19${70 + index}-0${(index % 9) + 1}-1${index % 9}`,
          contactEmail: `${person.fullName.toLowerCase().replace(' ', '.')}@example.org`,
          mrn: `MRN-${104200 + index}`,
          ...(person.minor
            ? {
                guardian: {
                  fullName: 'Olivia Marsh',
                  relationship: 'parent' as const,
                  contactEmail: 'olivia.marsh@example.org',
                },
              }
            : {}),
        },
      }),
    );
    counts.patients += 1;
    patientIds.push(patient.id);
    const { procedure, bodyArea } = PROCEDURES[index % PROCEDURES.length] ?? { procedure: '', bodyArea: '' };
    const treatmentCase = ok(
      'opening a case',
      await frontDesk.POST('/api/v1/patients/{id}/cases', {
        params: { path: { id: patient.id } },
        body: { procedure, provider: 'Dr. R. Hale', treatmentDate: '2026-06-02' },
      }),
    );
    const photoIds: string[] = [];
    for (const kind of ['before', 'after'] as const) {
      const photo = ok(
        `uploading a ${kind} photo`,
        await frontDesk.POST('/api/v1/cases/{id}/photos', {
          params: { path: { id: treatmentCase.id } },
          body: {
            file: new Blob([new Uint8Array(await drawnPhoto(index, kind))], { type: 'image/jpeg' }),
            metadata: {
              kind,
              faceVisible: false,
              bodyArea,
              view: 'front',
              takenAt: kind === 'before' ? '2026-05-20T10:00:00Z' : '2026-09-01T10:00:00Z',
              ...(photoIds[0] ? { pairedWithPhotoId: photoIds[0] } : {}),
            },
          },
          bodySerializer: multipartBody,
        }),
      );
      photoIds.push(photo.id);
      counts.photos += 1;
    }
    const scope = SCOPES[index % SCOPES.length];
    ok(
      'recording a release',
      await frontDesk.POST('/api/v1/patients/{id}/releases', {
        params: { path: { id: patient.id } },
        body: {
          document: new Blob([new Uint8Array(onePagePdf(`Photo release signed by ${person.fullName}`))], {
            type: 'application/pdf',
          }),
          metadata: {
            coversAllCases: true,
            signedAt: '2026-06-02T09:30:00Z',
            signedBy: person.minor
              ? { signerType: 'guardian', fullName: 'Olivia Marsh', relationship: 'parent', authority: 'Parent' }
              : { signerType: 'patient' },
            formTemplate: 'Photo release (website and social)',
            formVersion: '2026-01',
            informationDescription: 'Before and after photographs of the covered treatment.',
            disclosingParty: 'Riverside Aesthetics',
            recipients: 'Visitors of the clinic website and its social media accounts',
            purpose: 'Showing the results of the clinic’s treatments',
            expiresAt: '2031-06-02T00:00:00Z',
            rightToRevokeStatement: true,
            redisclosureStatement: true,
            conditioningStatement: true,
            treatmentConditionedOnSigning: false,
            copyProvidedToSigner: true,
            scope,
          },
        },
        bodySerializer: multipartBody,
      }),
    );
    counts.releases += 1;
    if (index % 2 === 0 && !person.minor) {
      const afterPhoto = photoIds[1] ?? '';
      ok(
        'recording a hosted publication',
        await marketing.POST('/api/v1/publications', {
          body: {
            photoId: afterPhoto,
            channel: 'website',
            hosted: true,
            location: {
              url: `https://riverside-aesthetics.example/results/${procedure.toLowerCase().replace(' ', '-')}`,
            },
          },
        }),
      );
      counts.publications += 1;
    }
    if (index === 0) {
      // Also in a blog post the clinic's own site does not host: someone must take it down by hand.
      ok(
        'recording a publication',
        await marketing.POST('/api/v1/publications', {
          body: {
            photoId: photoIds[0] ?? '',
            channel: 'website',
            location: { url: 'https://blog.riverside-aesthetics.example/2026/what-to-expect-after-rhinoplasty' },
          },
        }),
      );
      counts.publications += 1;
    }
  }
  // The first patient, whose photos are on the site and in a blog post, asks by phone for everything
  // to come down: the hosted photo is gone at once, the blog post waits in the open removal case.
  const revoking = patientIds[0] ?? '';
  ok(
    'recording a revocation',
    await frontDesk.POST('/api/v1/patients/{id}/revocations', {
      params: { path: { id: revoking } },
      body: {
        scope: { kind: 'everything' },
        receivedVia: 'phone',
        requester: { type: 'patient' },
        identityVerification: 'Called from the number on file; confirmed date of birth and last visit.',
      },
    }),
  );
  return counts;
}

/** A photo-like picture drawn from shapes (no person in it), different for each patient and kind. */
async function drawnPhoto(seed: number, kind: 'before' | 'after'): Promise<Buffer> {
  const width = 1200;
  const height = 900;
  const pixels = Buffer.alloc(width * height * 3);
  const [cx, cy, rx, ry] = [520 + seed * 9, 430 + seed * 5, kind === 'before' ? 260 : 220, 300];
  const shade = kind === 'before' ? 0.8 : 1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const t = (x / width + y / height) / 2;
      let rgb = [210 - 90 * t, 180 - 60 * t + ((seed * 23) % 40), 170 - 40 * t + ((seed * 37) % 50)];
      if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 < 1) rgb = [200 * shade, 150 * shade, 130 * shade];
      if (x > 120 + seed * 13 && x < 420 + seed * 13 && y > 640 && y < 760) rgb = [70, 60, 60];
      pixels.set(
        rgb.map((value) => Math.round(value)),
        (y * width + x) * 3,
      );
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

runCommand(main);
