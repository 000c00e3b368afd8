import { Matches } from 'class-validator';

// The cursor of a page listed by (instant, id): the last row's instant and id, `<ISO instant>_<uuid>`.
// Instants carry milliseconds, as the columns they page over do.
const PAGE_CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f-]{36}$/;

export function pageCursor(at: Date, id: string): string {
  return `${at.toISOString()}_${id}`;
}

/** The instant and id of a cursor that passed IsPageCursor. */
export function readPageCursor(cursor: string): { at: Date; id: string } {
  const separator = cursor.indexOf('_');
  return { at: new Date(cursor.slice(0, separator)), id: cursor.slice(separator + 1) };
}

/** Validates a `before` parameter as the `nextCursor` of a previous page. */
export function IsPageCursor(): PropertyDecorator {
  return Matches(PAGE_CURSOR, { message: 'before must be a cursor returned by a previous page' });
}
