import { ConfigError } from './app-config.js';

/** How long a process that has finished its work may wait for what it left open to close. */
const LEFT_OPEN_GRACE_MS = 10_000;

/**
 * Ends the process with `code` once nothing is left open, rather than through process.exit():
 * exiting there can deadlock while V8 compiles on a worker thread (nodejs/node#54918; seen here as
 * a user:create test hanging after its output), which a normal end avoids by disposing of the
 * isolate first. Should something stay open, `leftOpen` is told and the process exits
 * LEFT_OPEN_GRACE_MS later all the same.
 */
export function endProcess(code: number, leftOpen: () => void = () => undefined): void {
  process.exitCode = code;
  setTimeout(() => {
    leftOpen();
    process.exit();
  }, LEFT_OPEN_GRACE_MS).unref();
}

/** Runs a command-line tool's main and ends with its code; a failure is printed (a bad setting briefly). */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => endProcess(code),
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
      );
      endProcess(1);
    },
  );
}
