import { EnvironmentError } from './environment';

/**
 * What a main does when start-up fails: an environment problem is printed as the list it is (no
 * stack), anything else with its stack; then the process exits non-zero.
 */
export function exitOnStartFailure(what: string): (error: unknown) => never {
  return (error) => {
    process.stderr.write(error instanceof EnvironmentError ? `${error.message}\n` : `${what} failed to start: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  };
}

/**
 * A command's main: exits with the code it returns, or, when it throws, prints the message (a
 * command's errors are written for the person who ran it) and exits 1.
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message ?? error}\n`);
      process.exit(1);
    },
  );
}
