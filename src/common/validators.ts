import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';
import { Transform } from 'class-transformer';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && Number(match[1]) >= 1900;
}

/** A calendar day `YYYY-MM-DD` from 1900 on (no time, no zone). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(property),
      options: { message: `${String(property)} must be a date written YYYY-MM-DD, from 1900 on`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/**
 * An instant in ISO 8601 with a time zone (`2026-03-02T09:00:00Z`, `…+01:00`): hours 00-23,
 * minutes and seconds 00-59, offsets up to ±14:00. `T24:00`, a leap second or `T15:60` are refused
 * here, since Date.parse reads some of them as the next day and the rest as no date at all.
 */
export const INSTANT_PATTERN =
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)$/;

export function isInstant(value: unknown): value is string {
  // The date part must be a real day: Date.parse would read 2026-02-30 as 2 March.
  return typeof value === 'string' && INSTANT_PATTERN.test(value) && isCalendarDate(value.slice(0, 10));
}

/** An instant written in ISO 8601 with its time zone; read it with `new Date(value)`. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(property),
      options: {
        message: `${String(property)} must be a date and time with its zone, e.g. 2026-03-02T09:30:00Z`,
        ...options,
      },
      validator: { validate: (value: unknown) => isInstant(value) },
    });
}

/**
 * Optional, but not null: for fields a PATCH may leave out but never clear (class-validator's
 * IsOptional would let `null` through unvalidated).
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/**
 * A boolean in a query string: `true` or `false`, nothing else. (Implicit conversion would read
 * `false` as true, being a non-empty string.) Anything else is left for IsBoolean to refuse.
 */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
}
