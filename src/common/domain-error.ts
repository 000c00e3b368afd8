/**
 * An expected failure with a stable machine-readable `code`. The problem filter turns it into an
 * `application/problem+json` answer with `status`; `detail` is shown to the caller, so it must never
 * carry patient data or internals.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    /** Response headers that belong with the error, e.g. `Retry-After`, `WWW-Authenticate`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', 404, `${what} was not found.`);
  }
}

export interface FieldError {
  field: string;
  messages: string[];
}

export class ValidationFailedError extends DomainError {
  constructor(readonly errors: FieldError[]) {
    super('validation_failed', 400, 'The request is not valid; see `errors` for each field.', { errors });
  }
}
