import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ValidationFailedError, type FieldError } from './domain-error.js';

/** Flattens class-validator's nested errors into one entry per field path, e.g. `scope.channels.0`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** The path of the first string in `value` that holds a NUL character, which PostgreSQL cannot store. */
export function nulCharacterPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = nulCharacterPath(child, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Refuses NUL characters anywhere in a body, query or path parameter before validating. */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const field = nulCharacterPath(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (field !== undefined) {
        throw new ValidationFailedError([
          { field: field || metadata.type, messages: ['must not contain NUL characters'] },
        ]);
      }
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
