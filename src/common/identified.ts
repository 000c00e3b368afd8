// Field-level protection of patient identity. Response classes mark the fields that identify a
// patient (name, date of birth, contact, record number); the IdentifiedDataInterceptor removes
// them from every answer to a caller who may not see identified data, however deeply nested.
// As a second line, fields with the names below are removed wherever they appear, marked or not, so
// a view built as a plain object literal cannot leak them either. Name patient fields from this list.

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
]);

type Marked = { [IDENTIFIED_FIELDS]?: ReadonlySet<string | symbol> };

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
