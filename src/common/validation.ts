import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ValidationFailedError, type FieldError } from './domain-error.js';
import { InvalidEncodingError } from './json-body.js';

/** Flattens class-validator's nested errors into one entry per field path, e.g. `scope.channels.0`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/**
 * Refuses text no field may hold, anywhere in `value` (a body already bounded in depth, a query, a
 * path parameter): NUL, which PostgreSQL cannot store, and U+FFFD, which is what a lenient decoder
 * left of bytes that were not UTF-8 (in a form field, a query string).
 */
export function checkText(value: unknown, label: string, path = ''): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      throw new ValidationFailedError([{ field: path || label, messages: ['must not contain NUL characters'] }]);
    }
    if (value.includes('\uFFFD')) throw new InvalidEncodingError(`\`${path || label}\``);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) checkText(child, label, path ? `${path}.${key}` : key);
}

type Constructor = abstract new (...args: never[]) => unknown;

/**
 * Refuses a list longer than its field's @ArrayMaxSize before anything is done per element
 * (transforming and validating 200,000 items would hold the event loop for seconds). Nested
 * objects are checked too; lists inside list items are left to validation, their parent's bound
 * having capped the work.
 */
export function checkListSizes(dto: Constructor, value: unknown, path = ''): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const fields = value as Record<string, unknown>;
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const field = fields[rule.propertyName];
    const name = path ? `${path}.${rule.propertyName}` : rule.propertyName;
    const max: unknown = rule.constraints?.[0];
    if (rule.name === 'arrayMaxSize' && Array.isArray(field) && typeof max === 'number' && field.length > max) {
      throw new ValidationFailedError([
        { field: name, messages: [`${name} must contain no more than ${max} elements`] },
      ]);
    }
    const nestedType = rule.type === 'nestedValidation' ? nestedDtoOf(dto, rule.propertyName) : undefined;
    if (nestedType && !Array.isArray(field)) checkListSizes(nestedType, field, name);
  }
}

/** The class of a nested DTO field, as TypeScript's decorator metadata records it. */
function nestedDtoOf(dto: Constructor, property: string): Constructor | undefined {
  const type: unknown = Reflect.getMetadata('design:type', dto.prototype as object, property);
  return typeof type === 'function' && type !== Array && type !== Object ? (type as Constructor) : undefined;
}

/** Refuses forbidden text and overlong lists in a body, query or path parameter before validating. */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      checkText(value, metadata.type, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (metadata.type === 'body' && metadata.metatype) checkListSizes(metadata.metatype, value);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** Unknown fields are refused rather than silently dropped, so a typo cannot change meaning. */
export function createValidationPipe(): ValidationPipe {
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Values are never echoed back: they may be patient data.
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
  });
}
