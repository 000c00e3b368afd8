import { ConfigError } from '../config/app-config.js';

/** Runs a command-line tool's main and exits with its code; a failure is printed (a bad setting briefly). */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
