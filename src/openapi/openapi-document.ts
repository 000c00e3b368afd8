import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/browser-session.js';
import { ACCESS_RULE, type AccessRule } from '../common/access.decorator.js';
import { IDENTIFYING_FIELD_NAMES } from '../common/identified.js';
import { API_KEY_GRANTABLE_PERMISSIONS } from '../common/roles.js';
import { IDEMPOTENCY_HANDLING, type IdempotencyHandling } from '../idempotency/idempotency.decorators.js';
import { API_PROBLEMS, type ProblemsByStatus } from '../common/api-docs.js';
import { PROBLEM_CODES, type ProblemCode } from '../common/problem-codes.js';

const PROBLEM_SCHEMA = 'Problem';
const PROBLEM_REF = `#/components/schemas/${PROBLEM_SCHEMA}`;
const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The three kinds of bearer credential (src/auth/secret-token.ts), each its own scheme. */
const SECURITY_SCHEMES = {
  staffSession: 'staffSession',
  staffCookie: 'staffCookie',
  apiKey: 'apiKey',
  patientSession: 'patientSession',
} as const;

const TAG_DESCRIPTIONS: Record<string, string> = {
  health: 'Probes for orchestrators and load balancers.',
  auth: 'Staff sign-in, the second factor, and the signed-in account.',
  users: 'Staff accounts and their roles (administrators).',
  'api-keys': 'Keys for the clinic’s other systems (website, CMS), each with its own permissions.',
  patients: 'Patients, their guardians, and treatment cases.',
  photos: 'Before/after photos of a case, their renditions and originals.',
  releases: 'Signed photo releases: versions, the 45 CFR 164.508 checklist, FHIR export, the signed form.',
  clearance: 'May this photo be published here? The clearance rule, one photo, a batch, or found by image.',
  publications: 'Where each photo is published, hosted media, and the rights report.',
  holds: 'Holds that stop every use of a patient’s photos until lifted.',
  removals: 'Revocations and the 30-day removal workflow: cases, tasks, evidence, reports.',
  portal: 'The patient portal: sign-in by emailed link, the patient’s releases and photos, revoking consent.',
  audit: 'The hash-chained audit trail: list, export, verify.',
  outbox: 'Messages the service has sent or will send, for staff to read (and print for post).',
  media: 'Hosted photos on the clinic’s web pages, served only while consent lasts.',
  storage: 'Presigned download links of the local-disk store.',
};

const MUTATING_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** The problems sent with a `Retry-After` header. */
const RETRY_AFTER_CODES: ReadonlySet<ProblemCode> = new Set([
  'too_many_attempts',
  'too_many_requests',
  'rate_limited',
  'uploads_busy',
  'release_changing',
  'idempotency_in_progress',
]);

/** Builds the OpenAPI document the service serves at /docs/json. */
export function buildOpenApiDocument(app: INestApplication, addRawRoutes: (document: OpenAPIObject) => void) {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Photo Consent Service')
      .setDescription(API_DESCRIPTION)
      .setVersion('1')
      .addServer('/', 'This service')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'pcs_s_…',
          description:
            'A staff session token (`pcs_s_…`) from `POST /api/v1/auth/login`. It ends at sign-out, after ' +
            'idle time, or when the account is disabled.',
        },
        SECURITY_SCHEMES.staffSession,
      )
      .addCookieAuth(
        SESSION_COOKIE,
        {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'A staff session in a browser (the web console), from `POST /api/v1/auth/browser-session`: an HttpOnly, ' +
            'SameSite=Strict cookie. Every request that changes something must also send the session’s CSRF ' +
            'token as `X-CSRF-Token`.',
        },
        SECURITY_SCHEMES.staffCookie,
      )
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'pcs_k_…',
          description:
            'An API key (`pcs_k_…`) an administrator created with `POST /api/v1/api-keys`, for another system ' +
            'of the clinic. It holds only the permissions it was granted, and never reads identified patient ' +
            'data: fields that identify a patient are left out of its answers.',
        },
        SECURITY_SCHEMES.apiKey,
      )
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'pcs_p_…',
          description:
            'A patient portal session (`pcs_p_…`) from `POST /api/v1/portal/session`, exchanged for the ' +
            'one-time link the patient received. It reaches only that patient’s own records.',
        },
        SECURITY_SCHEMES.patientSession,
      )
      .build(),
  );
  addRawRoutes(document);
  completeDocument(document, app);
  return document;
}

const API_DESCRIPTION = [
  'Signed photo releases, clearance checks before publishing, the publication registry and the 30-day',
  'removal workflow of an aesthetic or plastic-surgery clinic.',
  '',
  '**Credentials.** Every route takes a bearer token (a staff session, an API key, or a patient portal',
  'session) except the probes, staff and portal sign-in, the portal page, hosted media (`/m/{token}`) and',
  'storage links (`/storage/{token}`). Each operation says which it takes.',
  '',
  '**Identified data.** Fields that identify a patient (names, dates of birth, contacts, record numbers,',
  'free text about the patient) are left out of every answer to a caller without `patients.read`, API keys',
  'included; such fields are optional in the schemas and say so.',
  '',
  '**Errors** are `application/problem+json` (RFC 9457) with a stable `code`; each operation lists the',
  'codes it can answer, besides `internal_error` (500), which any can. Validation errors carry `errors`, one',
  'entry per field; other members some codes add are in the `Problem` schema.',
  '',
  '**Retries.** Mutating operations take an `Idempotency-Key` header (except those whose requests carry',
  'secrets): the same key with the same request answers the first successful answer again, with',
  '`Idempotent-Replayed: true`, and changes nothing; a request that fails gives its key back. `429`',
  'answers, and the other problems that ask to retry later, carry `Retry-After`.',
  '',
  '**Request ids.** Every answer carries `X-Request-Id`: the one the request sent, if it was 8 to 128',
  'letters, digits or `._:-`, else a new UUID. Quote it when reporting a problem.',
].join('\n');

/** Fills in what every operation of a kind has: credentials, problems, headers. */
function completeDocument(document: OpenAPIObject, app: INestApplication): void {
  const components = (document.components ??= {});
  components.schemas = { ...components.schemas, ...problemSchemas() };
  components.headers = { ...components.headers, ...sharedHeaders() };
  components.parameters = {
    ...components.parameters,
    IdempotencyKey: IDEMPOTENCY_KEY_PARAMETER,
    CsrfToken: CSRF_TOKEN_PARAMETER,
  };

  const operations = operationsById(document);
  for (const route of routesOf(app)) {
    const entry = operations.get(`${route.controller.name}_${route.methodName}`);
    if (!entry) continue;
    describeRoute(entry.operation, entry.method, route);
  }
  for (const { operation } of operations.values()) {
    const idempotent = (operation.parameters ?? []).some(
      (parameter) => '$ref' in parameter && parameter.$ref === '#/components/parameters/IdempotencyKey',
    );
    for (const [status, response] of Object.entries(operation.responses) as [
      string,
      ResponseObject | ReferenceObject,
    ][]) {
      if ('$ref' in response) continue;
      response.headers = { ...response.headers, 'X-Request-Id': { $ref: '#/components/headers/RequestId' } };
      // Every 429 the service sends says when to come back.
      if (status === '429') response.headers['Retry-After'] = { $ref: '#/components/headers/RetryAfter' };
      if (idempotent && status.startsWith('2')) {
        response.headers['Idempotent-Replayed'] = { $ref: '#/components/headers/IdempotentReplayed' };
      }
    }
  }
  shareProblemResponses(
    document,
    [...operations.values()].map(({ operation }) => operation),
  );
  leaveOutIdentifiedFields(document);
  unwrapLoneAllOf(document.components);
  const usedTags = new Set([...operations.values()].flatMap(({ operation }) => operation.tags ?? []));
  document.tags = [...usedTags].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name }));
}

interface Route {
  controller: Type;
  methodName: string;
  access?: AccessRule;
  idempotency?: IdempotencyHandling;
  problems: ProblemsByStatus;
}

function routesOf(app: INestApplication): Route[] {
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const methodName of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[methodName];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        routes.push({
          controller,
          methodName,
          access: (Reflect.getMetadata(ACCESS_RULE, handler) ?? Reflect.getMetadata(ACCESS_RULE, controller)) as
            AccessRule | undefined,
          idempotency: (Reflect.getMetadata(IDEMPOTENCY_HANDLING, handler) ??
            Reflect.getMetadata(IDEMPOTENCY_HANDLING, controller)) as IdempotencyHandling | undefined,
          problems: (Reflect.getMetadata(API_PROBLEMS, handler) as ProblemsByStatus | undefined) ?? {},
        });
      }
    }
  }
  return routes;
}

function operationsById(document: OpenAPIObject) {
  const operations = new Map<string, { path: string; method: string; operation: OperationObject }>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const) {
      const operation = item[method];
      if (operation) operations.set(operation.operationId ?? `${method} ${path}`, { path, method, operation });
    }
  }
  return operations;
}

function describeRoute(operation: OperationObject, method: string, route: Route): void {
  const problems = new Map<number, Set<ProblemCode>>();
  const add = (status: number, ...codes: ProblemCode[]) => {
    const set = problems.get(status) ?? new Set<ProblemCode>();
    for (const code of codes) set.add(code);
    problems.set(status, set);
  };

  const access = route.access ?? { kind: 'public' };
  operation.security = securityOf(access);
  switch (access.kind) {
    case 'public':
      break;
    case 'signed_in':
      add(401, 'unauthenticated', 'invalid_token', 'session_expired');
      add(403, 'staff_only');
      if (!access.allowedBeforeTotpEnrolment) add(403, 'totp_enrolment_required');
      break;
    case 'permission':
      add(401, 'unauthenticated', 'invalid_token', 'session_expired');
      add(403, 'forbidden', 'staff_only', 'totp_enrolment_required');
      break;
    case 'patient':
      add(401, 'unauthenticated', 'invalid_token', 'session_expired');
      add(403, 'patients_only');
      break;
  }

  const parameters = operation.parameters ?? [];
  const has = (where: string, name?: string) =>
    parameters.some((parameter) => 'in' in parameter && parameter.in === where && (!name || parameter.name === name));
  // Every `{id}` is a UUID (ParseUUIDPipe) naming a record.
  if (has('path', 'id')) {
    add(400, 'bad_request');
    add(404, 'not_found');
  }
  if (has('query') || operation.requestBody) add(400, 'validation_failed');

  const body = operation.requestBody && !('$ref' in operation.requestBody) ? operation.requestBody : undefined;
  if (body?.content['application/json']) {
    add(400, 'malformed_body', 'invalid_encoding', 'json_too_deep', 'json_list_too_long', 'json_object_too_large');
    add(413, 'payload_too_large');
    add(415, 'unsupported_media_type');
  }
  const multipart = body?.content['multipart/form-data'];
  if (multipart) {
    add(400, 'malformed_multipart', 'unexpected_form_field', 'too_many_files');
    add(413, 'file_too_large');
    add(415, 'multipart_required');
    add(503, 'uploads_busy');
    const schema = multipart.schema as SchemaObject | undefined;
    if (schema?.properties?.metadata) {
      add(400, 'malformed_body', 'invalid_encoding', 'json_too_deep', 'json_list_too_long', 'json_object_too_large');
      add(413, 'metadata_too_large');
    }
  }

  if (MUTATING_METHODS.has(method) && (access.kind === 'signed_in' || access.kind === 'permission')) {
    operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/CsrfToken' }];
    add(403, 'csrf_failed');
  }
  if (MUTATING_METHODS.has(method)) {
    if (access.kind === 'public' || route.idempotency?.kind === 'refused') {
      add(400, 'idempotency_not_supported');
    } else {
      operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/IdempotencyKey' }];
      add(400, 'idempotency_key_invalid');
      add(409, 'idempotency_in_progress');
      add(422, 'idempotency_key_reused');
    }
  }

  for (const [status, codes] of Object.entries(route.problems)) add(Number(status), ...(codes ?? []));

  for (const [status, codes] of [...problems].sort(([a], [b]) => a - b)) {
    const existing = operation.responses[String(status)] as ResponseObject | undefined;
    operation.responses[String(status)] = problemResponse([...codes].sort(), existing);
  }
}

function securityOf(access: AccessRule): Record<string, string[]>[] {
  switch (access.kind) {
    case 'public':
      return [];
    case 'signed_in':
      return [{ [SECURITY_SCHEMES.staffSession]: [] }, { [SECURITY_SCHEMES.staffCookie]: [] }];
    case 'permission':
      return [
        { [SECURITY_SCHEMES.staffSession]: [] },
        { [SECURITY_SCHEMES.staffCookie]: [] },
        ...(API_KEY_GRANTABLE_PERMISSIONS.includes(access.permission) && !access.staffOnly
          ? [{ [SECURITY_SCHEMES.apiKey]: [] }]
          : []),
      ];
    case 'patient':
      return [{ [SECURITY_SCHEMES.patientSession]: [] }];
  }
}

/**
 * An error answer: the codes it can carry, each with its meaning, in the shared Problem schema (with
 * the members of its own a route declared for it, e.g. the reasons a publication is refused).
 */
function problemResponse(codes: ProblemCode[], declared?: ResponseObject): ResponseObject {
  const description = declared?.description ?? '';
  const generic = !description || /^(Bad Request|Unauthorized|Forbidden|Not Found|Conflict)$/.test(description);
  const lines = codes.map((code) => `- \`${code}\`: ${PROBLEM_CODES[code]}`);
  const declaredSchema = Object.values(declared?.content ?? {}).find((media) => media.schema)?.schema;
  return {
    ...declared,
    ...(codes.some((code) => RETRY_AFTER_CODES.has(code))
      ? { headers: { ...declared?.headers, 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } }
      : {}),
    description: [...(generic ? [] : [description, '']), ...lines].join('\n'),
    content: {
      [PROBLEM_MEDIA_TYPE]: {
        schema: {
          allOf: [
            { $ref: PROBLEM_REF },
            ...(declaredSchema && !('$ref' in declaredSchema && declaredSchema.$ref === PROBLEM_REF)
              ? [declaredSchema]
              : []),
            { type: 'object', properties: { code: { type: 'string', enum: codes } } },
          ],
        },
      },
    },
  };
}

function problemSchemas(): Record<string, SchemaObject> {
  return {
    [PROBLEM_SCHEMA]: {
      type: 'object',
      description:
        'RFC 9457 problem details. `code` is stable and is what a client branches on; `detail` is a sentence ' +
        'for a person and may change. Some codes add members of their own (e.g. `errors`, `reasons`, ' +
        '`retryAfterSeconds`).',
      required: ['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId'],
      properties: {
        type: {
          type: 'string',
          description: '`urn:photo-consent:problem:<code>`.',
          example: 'urn:photo-consent:problem:not_found',
        },
        title: { type: 'string', description: 'The HTTP status phrase.', example: 'Not Found' },
        status: { type: 'integer', example: 404 },
        detail: { type: 'string', example: 'The patient was not found.' },
        instance: {
          type: 'string',
          description: 'The request path, without its query.',
          example: '/api/v1/patients/…',
        },
        code: { type: 'string', enum: Object.keys(PROBLEM_CODES), example: 'not_found' },
        requestId: { type: 'string', description: 'The same as the `X-Request-Id` header.' },
        errors: {
          type: 'array',
          description: 'For `validation_failed`: what is wrong with each field.',
          items: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}FieldError` },
        },
        retryAfterSeconds: {
          type: 'integer',
          description:
            'For `too_many_attempts`, `too_many_requests`, `rate_limited`, `uploads_busy`: as `Retry-After`.',
        },
        photoIds: {
          type: 'array',
          items: { type: 'string', format: 'uuid' },
          description: 'For `photos_not_found`: the photos named that do not exist (or are not the patient’s).',
        },
        releaseIds: {
          type: 'array',
          items: { type: 'string', format: 'uuid' },
          description: 'For `releases_not_found`: the releases named that are not the patient’s.',
        },
        existingPhotoId: {
          type: 'string',
          format: 'uuid',
          description: 'For `duplicate_photo`: the photo already holding this image.',
        },
        existingCaseId: {
          type: 'string',
          format: 'uuid',
          description: 'For `duplicate_photo`: the case of that photo.',
        },
        currentReleaseId: {
          type: 'string',
          format: 'uuid',
          nullable: true,
          description: 'For `release_superseded`: the current version, to act on instead.',
        },
        taskStatus: { type: 'string', description: 'For `removal_task_state`: the task’s status now.' },
        userId: {
          type: 'string',
          format: 'uuid',
          description: 'For `assignee_not_eligible`: the user who cannot take the task.',
        },
        check: {
          type: 'object',
          additionalProperties: true,
          description: 'For `removal_not_confirmed`: the URL check that did not confirm the removal.',
        },
        maxBytes: { type: 'integer', description: 'For `file_too_large`: the limit for this kind of file.' },
      },
      additionalProperties: true,
    },
    [`${PROBLEM_SCHEMA}FieldError`]: {
      type: 'object',
      required: ['field', 'messages'],
      properties: {
        field: { type: 'string', description: 'The field’s path, e.g. `guardian.fullName`.' },
        messages: { type: 'array', items: { type: 'string' } },
      },
    },
  };
}

function sharedHeaders() {
  return {
    RequestId: {
      description: 'This request’s id: the one sent in `X-Request-Id` if it was a plain token, else a new UUID.',
      schema: { type: 'string' },
    },
    RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
    IdempotentReplayed: {
      description: '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`.',
      schema: { type: 'string', enum: ['true'] },
    },
  } satisfies Record<string, { description: string; schema: SchemaObject }>;
}

const CSRF_TOKEN_PARAMETER: ParameterObject = {
  name: 'X-CSRF-Token',
  in: 'header',
  required: false,
  description:
    'Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used ' +
    'with a bearer token.',
  schema: { type: 'string' },
};

const IDEMPOTENCY_KEY_PARAMETER: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request ' +
    'answers the first answer again and changes nothing; with another request, 422. A key is remembered ' +
    'for at least 24 hours.',
  schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
};

/**
 * Fields that identify a patient are left out of answers to callers without `patients.read`, by
 * name (src/common/identified.ts): in the schemas of answers they are optional, and say so. Schemas
 * that requests use too keep what they require of the request.
 */
function leaveOutIdentifiedFields(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  const requests = new Set<string>();
  const answers = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as OperationObject[]) {
      if (typeof operation !== 'object' || !('responses' in operation)) continue;
      collectSchemaNames([operation.requestBody, operation.parameters], schemas, requests);
      collectSchemaNames(operation.responses, schemas, answers);
    }
  }
  for (const name of answers) {
    const schema = schemas[name];
    if (requests.has(name) || !schema?.properties) continue;
    for (const [field, property] of Object.entries(schema.properties)) {
      if (!IDENTIFYING_FIELD_NAMES.has(field)) continue;
      schema.required = schema.required?.filter((required) => required !== field);
      if (schema.required?.length === 0) delete schema.required;
      const note = 'Left out for callers without `patients.read`.';
      const described = property as SchemaObject;
      if (!described.description?.includes(note)) {
        described.description = described.description ? `${described.description} ${note}` : note;
      }
    }
  }
}

/** The names of the component schemas `value` refers to, directly or through other schemas. */
function collectSchemaNames(value: unknown, schemas: Record<string, SchemaObject>, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectSchemaNames(item, schemas, found);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, member] of Object.entries(value)) {
    if (key === '$ref' && typeof member === 'string' && member.startsWith('#/components/schemas/')) {
      const name = member.slice('#/components/schemas/'.length);
      if (!found.has(name)) {
        found.add(name);
        collectSchemaNames(schemas[name], schemas, found);
      }
    } else {
      collectSchemaNames(member, schemas, found);
    }
  }
}

/** `{ allOf: [X] }` with nothing beside it is X: Nest writes it for a named enum (Redocly refuses it). */
function unwrapLoneAllOf(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, member] of Object.entries(value)) {
    const composed = member as { allOf?: unknown[] } | null;
    if (
      composed &&
      typeof composed === 'object' &&
      Object.keys(composed).length === 1 &&
      composed.allOf?.length === 1
    ) {
      (value as Record<string, unknown>)[key] = composed.allOf[0];
    }
    unwrapLoneAllOf((value as Record<string, unknown>)[key]);
  }
}

/**
 * A problem answer several operations give alike is written once, in components/responses, named
 * by its status and codes (`403_forbidden_or_staff_only`): half the document was such copies.
 */
function shareProblemResponses(document: OpenAPIObject, operations: OperationObject[]): void {
  const alike = new Map<string, { status: string; response: ResponseObject; users: OperationObject[] }>();
  for (const operation of operations) {
    for (const [status, response] of Object.entries(operation.responses) as [
      string,
      ResponseObject | ReferenceObject,
    ][]) {
      if ('$ref' in response || !response.content?.[PROBLEM_MEDIA_TYPE]) continue;
      const key = `${status} ${JSON.stringify(response)}`;
      const entry = alike.get(key) ?? { status, response, users: [] };
      entry.users.push(operation);
      alike.set(key, entry);
    }
  }
  const shared: Record<string, ResponseObject> = {};
  for (const { status, response, users } of alike.values()) {
    if (users.length < 2) continue;
    const codes = problemCodesOf(response);
    const base = `${status}_${codes.join('_or_')}`;
    let name = base;
    for (let n = 2; shared[name]; n += 1) name = `${base}_${n}`;
    shared[name] = response;
    for (const operation of users) operation.responses[status] = { $ref: `#/components/responses/${name}` };
  }
  document.components = { ...document.components, responses: { ...document.components?.responses, ...shared } };
}

function problemCodesOf(response: ResponseObject): string[] {
  const schema = response.content?.[PROBLEM_MEDIA_TYPE]?.schema as SchemaObject | undefined;
  const narrowed = schema?.allOf?.find(
    (part): part is SchemaObject => !('$ref' in part) && Boolean(part.properties?.code),
  );
  return ((narrowed?.properties?.code as SchemaObject | undefined)?.enum ?? []) as string[];
}
