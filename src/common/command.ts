import { ConfigError } from '../config/app-config.js';

/**
 * Runs a command-line tool's main and ends with its code; a failure is printed (a bad setting
 * briefly). The process ends when its work is done rather than through process.exit(): exiting
 * there can deadlock while V8 compiles on a worker thread (nodejs/node#54918; seen here as a
 * user:create test hanging after its output), which a normal end avoids by disposing of the
 * isolate first. Should main leave something open, the process still ends 10 s later.
 */
export function runCommand(main: () => Promise<number>): void {
  const end = () => setTimeout(() => process.exit(), 10_000).unref();
  main().then(
    (code) => {
      process.exitCode = code;
      end();
    },
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 1;
      end();
    },
  );
}
