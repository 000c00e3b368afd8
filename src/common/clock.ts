/**
 * The application's idea of "now". Inject it wherever time matters so tests can move time; deadlines
 * that the database computes use the database clock instead.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
