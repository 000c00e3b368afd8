// Field-level protection of patient identity. Response classes mark the fields that identify a
// patient (name, date of birth, contact, record number); the IdentifiedDataInterceptor removes
// them from every answer to a caller who may not see identified data, however deeply nested.
// As a second line, fields with the names below are removed wherever they appear, marked or not, so
// a view built as a plain object literal cannot leak them either. Name patient fields from this list.
//
// Every text field an answer can carry is classified here, by name: identified (removed) or not
// (kept, with why). Free text staff type is identified unless it is listed as not; a test walks
// every response schema of the OpenAPI document and fails on a text field in neither list.

import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';

const IDENTIFIED_FIELDS = Symbol('identifiedFields');

export const IDENTIFYING_FIELD_NAMES: ReadonlySet<string> = new Set([
  'fullName',
  'firstName',
  'lastName',
  'patientName',
  'dateOfBirth',
  'birthDate',
  'contact',
  'contactEmail',
  'contactPhone',
  'phone',
  'address',
  'postalAddress',
  'mrn',
  'medicalRecordNumber',
  'guardian',
  'guardianName',
  'guardianContact',
  // Free text and client file names often carry a patient's name.
  'notes',
  'fileName',
  // Free text staff type about a patient or their request.
  'identityVerification',
  'amendmentReason',
  'reason',
  'liftReason',
  'notRemovableReason',
  'statement',
  'howFound',
  // A rendered release form names the patient and words the release's terms.
  'paragraphs',
  'authority',
  'informationDescription',
  'purpose',
  'recipients',
  'expirationEvent',
  'disclosingParty',
  // A mail server's refusal quotes the address it refused.
  'lastError',
]);

/**
 * Text fields of answers that never identify a patient, each with why. Identifiers, hashes, dates
 * and enumerations need no entry: a field whose schema has a format or an enum is not free text.
 */
export const NOT_IDENTIFYING_TEXT_FIELDS: ReadonlyMap<string, string> = new Map([
  ['code', 'the pseudonymous patient code'],
  ['csrfToken', "a one-way hash of the caller's own session token"],
  ['patientCode', 'the pseudonymous patient code'],
  ['channel', 'a channel code'],
  ['channels', 'channel codes'],
  ['deniedChannels', 'channel codes'],
  ['message', 'written by the service from codes and dates'],
  ['remedies', 'written by the service'],
  ['inWords', "the release's scope, written by the service"],
  ['progress', 'counts, written by the service'],
  ['notice', 'written by the service'],
  ['citation', 'a regulation reference'],
  ['element', 'a checklist element name'],
  ['requirement', 'written by the service'],
  ['missing', 'written by the service'],
  ['defects', 'written by the service from the checklist'],
  ['clinicName', "the clinic's name, on its release forms"],
  ['title', "a release form's title, worded by the clinic"],
  ['introduction', "a release form's wording, by the clinic"],
  ['rightToRevoke', "a release form's wording, by the clinic"],
  ['treatmentNotConditioned', "a release form's wording, by the clinic"],
  ['redisclosure', "a release form's wording, by the clinic"],
  ['electronicSignatureDisclosure', "a release form's wording, by the clinic"],
  ['closing', "a release form's wording, by the clinic"],
  ['heading', "a release form's section heading, written by the service"],
  ['receivedVia', 'a channel of receipt'],
  ['timeZone', "the clinic's time zone"],
  ['kind', 'a kind of photo or message'],
  ['view', 'a photo angle'],
  ['bodyArea', 'an anatomical area'],
  ['identifyingMarks', 'what marketing must obscure (e.g. "tattoo, left forearm"), chosen from the photo'],
  ['procedure', 'a treatment name'],
  ['provider', 'the treating clinician, a staff member'],
  ['formTemplate', "the clinic's form name"],
  ['formVersion', "the clinic's form version"],
  ['location', 'where a publication appears (URL, post, campaign)'],
  ['url', 'a service or publication URL'],
  ['postId', "a social network's post id"],
  ['campaign', 'a marketing campaign name'],
  ['printRun', 'a print run'],
  ['mediaUrl', 'an unguessable public URL naming nothing'],
  ['thumbUrl', 'a service URL naming nothing'],
  ['thumbnailUrl', 'a service URL naming nothing'],
  ['screenshotUrl', 'a service URL naming nothing'],
  ['documentUrl', 'a service URL naming nothing'],
  ['contentType', 'a media type'],
  ['sha256', 'a hash'],
  ['perceptualHash', 'a hash'],
  ['hash', 'a hash'],
  ['photoIds', 'identifiers'],
  ['releaseSeriesIds', 'identifiers'],
  ['revokedReleaseIds', 'identifiers'],
  ['id', 'an identifier'],
  ['seq', 'a sequence number'],
  ['eventId', 'an identifier'],
  ['patientId', 'an identifier'],
  ['actorId', 'an identifier'],
  ['entityId', 'an identifier'],
  ['entityType', 'a kind of record'],
  ['action', 'an audited action code'],
  ['actorLabel', 'a staff member, API key or patient code'],
  ['requestId', 'an identifier'],
  ['clientIp', 'the address a request came from, for the audit of staff and machine access'],
  ['nextCursor', 'a page cursor'],
  ['displayName', "a staff member's name"],
  ['email', "a staff member's sign-in address"],
  ['name', "an API key's name"],
  ['token', "the caller's own new credential"],
  ['tokenPrefix', 'the first characters of an API key'],
  ['lastUsedIp', "an API key's last client address"],
  ['secret', "the caller's own second-factor secret"],
  ['otpauthUri', "the caller's own second-factor enrolment"],
  ['subject', 'an outbox subject: a kind of message and a patient code'],
  ['to', "an outbox address: withheld from callers without patients.read when it is a patient's"],
  ['body', 'an outbox body: withheld from callers without patients.read when it is to a patient'],
  ['receiptUrl', 'a route of the portal, named by the revocation id'],
  ['proof', "the caller's own new proof of identity for signing through a link"],
  ['attachmentName', 'the file name the service gives a document it mails, never the uploader’s'],
]);

type Marked = { [IDENTIFIED_FIELDS]?: ReadonlySet<string | symbol>; [ALREADY_FILTERED]?: true };

const ALREADY_FILTERED = Symbol('alreadyFiltered');

/** A code the service writes (`wrong_password`, `throttled`): no name or sentence fits this shape. */
const CODE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Audit details for a caller who may not see identified data. Details hold identifiers and codes,
 * but events recorded before that rule may hold staff's free text under an identified name (a hold's
 * `reason`): such a field is kept only when its value is a code, so the admin still reads why a
 * sign-in was refused. The copy is marked so that the interceptor passes it as it is.
 */
export function auditDetailsWithoutIdentified(details: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (IDENTIFYING_FIELD_NAMES.has(key)) {
      if (typeof value === 'string' && CODE.test(value)) copy[key] = value;
    } else {
      copy[key] = withoutIdentifiedFields(value);
    }
  }
  return filteredForIdentifiedData(copy);
}

/** Marks a view its builder filtered for a caller without patients.read: the interceptor passes it as it is. */
export function filteredForIdentifiedData<T extends object>(view: T): T {
  Object.defineProperty(view, ALREADY_FILTERED, { value: true, enumerable: false });
  return view;
}

/** Marks a response field as identifying a patient. */
export function Identified(): PropertyDecorator {
  return (target, property) => {
    const prototype = target as Marked;
    const inherited = prototype[IDENTIFIED_FIELDS] ?? new Set();
    Object.defineProperty(prototype, IDENTIFIED_FIELDS, {
      value: new Set([...inherited, property]),
      enumerable: false,
      configurable: true,
    });
  };
}

/**
 * A copy of `value` with every marked field of every response object in it left out. Bodies that
 * are bytes (a streamed file, a buffer) have no fields and pass as they are.
 */
export function withoutIdentifiedFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIdentifiedFields);
  if (value === null || typeof value !== 'object' || value instanceof Date || isBytes(value)) return value;
  if ((value as Marked)[ALREADY_FILTERED]) return value;
  const marked = (value as Marked)[IDENTIFIED_FIELDS];
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (!marked?.has(key) && !IDENTIFYING_FIELD_NAMES.has(key)) copy[key] = withoutIdentifiedFields(field);
  }
  return copy;
}

function isBytes(value: object): boolean {
  return value instanceof StreamableFile || ArrayBuffer.isView(value) || value instanceof Readable;
}
