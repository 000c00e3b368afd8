// Staff roles and what each may do: the one place that maps roles to permissions (docs/architecture.md §5).

export const ROLES = ['front_desk', 'marketing', 'privacy_officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every permission, as 'resource.action'. A route declares the one it needs; the access guard
 * checks it against the caller's role (staff) or grant (API key).
 */
export const PERMISSIONS = [
  // Patients and guardians with identifying fields (name, date of birth, contact).
  'patients.read',
  'patients.write',
  // Releases and the signed documents.
  'releases.read',
  'releases.write',
  // The wording of release form templates.
  'templates.write',
  // Photo upload and the clinical originals.
  'photos.upload',
  'photos.original',
  // De-identified renditions, clearance checks and reverse lookup.
  'photos.read',
  'clearance.check',
  'publications.read',
  'publications.write',
  'revocations.write',
  'holds.write',
  'removals.read',
  'removals.work',
  'removals.approve',
  'audit.read',
  'users.read',
  'users.write',
  'api_keys.read',
  'api_keys.write',
  'outbox.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const FRONT_DESK = new Set<Permission>([
  'patients.read',
  'patients.write',
  'releases.read',
  'releases.write',
  'photos.upload',
  'photos.original',
  'photos.read',
  'clearance.check',
  'revocations.write',
  'holds.write',
  'removals.read',
]);

const MARKETING = new Set<Permission>([
  'photos.read',
  'clearance.check',
  'publications.read',
  'publications.write',
  'removals.read',
  'removals.work',
]);

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  front_desk: FRONT_DESK,
  marketing: MARKETING,
  // Everything the front desk and marketing do, plus deciding removals, wording the release forms,
  // reading the audit trail, and the outbox whole: the letters to patients without an address on
  // file go out by post.
  privacy_officer: new Set<Permission>([
    ...FRONT_DESK,
    ...MARKETING,
    'removals.approve',
    'templates.write',
    'audit.read',
    'outbox.read',
  ]),
  // Runs the system, sees no patient data.
  admin: new Set<Permission>([
    'audit.read',
    'users.read',
    'users.write',
    'api_keys.read',
    'api_keys.write',
    'outbox.read',
  ]),
};

/**
 * What an API key may be granted: what machine clients (the clinic website, a CMS) need, and nothing
 * that reaches identified patient data, the audit trail or accounts. So an admin, who sees no patient
 * data, cannot reach it through a key, and a leaked key cannot mint another or read a patient's name.
 */
export const API_KEY_GRANTABLE_PERMISSIONS: readonly Permission[] = [
  'photos.read',
  'clearance.check',
  'publications.read',
  'publications.write',
  'removals.read',
];

/** Whoever holds this permission may see patients' identifying fields (names, birth dates, contact). */
export const IDENTIFIED_DATA_PERMISSION: Permission = 'patients.read';
