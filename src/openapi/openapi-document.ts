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
import { ACCESS_RULE, type AccessRule } from '../common/access.decorator.js';
import { API_KEY_GRANTABLE_PERMISSIONS } from '../auth/roles.js';
import { IDEMPOTENCY_HANDLING, type IdempotencyHandling } from '../idempotency/idempotency.decorators.js';
import { API_PROBLEMS, type ProblemsByStatus } from './api-docs.js';
import { PROBLEM_CODES, type ProblemCode } from './problem-codes.js';

const PROBLEM_SCHEMA = 'Problem';
const PROBLEM_REF = `#/components/schemas/${PROBLEM_SCHEMA}`;
const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The three kinds of bearer credential (src/auth/secret-token.ts), each its own scheme. */
export const SECURITY_SCHEMES = {
  staffSession: 'staffSession',
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
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'pcs_k_…',
          description:
            'An API key (`pcs_k_…`) an administrator created with `POST /api/v1/api-keys`, for another system ' +
            'of the clinic. It holds only the permissions it was granted, and never identified patient data ' +
            'unless granted `patients.read`.',
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
  '**Credentials.** Every route but the probes, sign-in, the portal’s sign-in and hosted media takes a',
  'bearer token: a staff session, an API key, or a patient portal session. Each operation says which.',
  '',
  '**Errors** are `application/problem+json` (RFC 9457) with a stable `code`; each operation lists the',
  'codes it can answer. Validation errors carry `errors`, one entry per field.',
  '',
  '**Retries.** Mutating operations take an `Idempotency-Key` header (except those whose requests carry',
  'secrets): the same key with the same request answers the first answer again and changes nothing.',
  '`429` and `503` answers carry `Retry-After`.',
  '',
  '**Request ids.** Every answer carries `X-Request-Id` (yours, if you sent a plain one); quote it when',
  'reporting a problem.',
].join('\n');

/** Fills in what every operation of a kind has: credentials, problems, headers. */
function completeDocument(document: OpenAPIObject, app: INestApplication): void {
  const components = (document.components ??= {});
  components.schemas = { ...components.schemas, ...problemSchemas() };
  components.headers = { ...components.headers, ...sharedHeaders() };
  components.parameters = { ...components.parameters, IdempotencyKey: IDEMPOTENCY_KEY_PARAMETER };

  const operations = operationsById(document);
  for (const route of routesOf(app)) {
    const entry = operations.get(`${route.controller.name}_${route.methodName}`);
    if (!entry) continue;
    describeRoute(entry.operation, entry.method, route);
  }
  for (const { operation } of operations.values()) {
    for (const response of Object.values(operation.responses) as (ResponseObject | ReferenceObject)[]) {
      if ('$ref' in response) continue;
      response.headers = { ...response.headers, 'X-Request-Id': { $ref: '#/components/headers/RequestId' } };
    }
  }
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
      add(400, 'malformed_body', 'invalid_encoding');
      add(413, 'metadata_too_large');
    }
  }

  if (MUTATING_METHODS.has(method)) {
    if (access.kind === 'public' || route.idempotency?.kind === 'refused') {
      add(400, 'idempotency_not_supported');
    } else {
      operation.parameters = [
        ...parameters.filter((parameter) => !('name' in parameter && parameter.name === 'Idempotency-Key')),
        { $ref: '#/components/parameters/IdempotencyKey' },
      ];
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
      return [{ [SECURITY_SCHEMES.staffSession]: [] }];
    case 'permission':
      return API_KEY_GRANTABLE_PERMISSIONS.includes(access.permission)
        ? [{ [SECURITY_SCHEMES.staffSession]: [] }, { [SECURITY_SCHEMES.apiKey]: [] }]
        : [{ [SECURITY_SCHEMES.staffSession]: [] }];
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
  } satisfies Record<string, { description: string; schema: SchemaObject }>;
}

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
