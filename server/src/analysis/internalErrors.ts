/**
 * Faults inside dialects and rules. In production a faulty rule loses only its own findings and the fault goes to a
 * logger the host passes in (the language server's output channel, the CLI's stderr); under test
 * (`LR_LENS_INTERNAL_ERRORS=throw`, set by the shared test runner) the fault is thrown, so a test cannot pass
 * because a broken rule or dialect stayed silent.
 */

/** Where the core reports a fault it recovered from. */
export interface AnalysisLogger {
  internalError(error: unknown, where: string): void;
}

/** The environment variable that makes internal errors throw (`throw`); anything else logs them. */
export const INTERNAL_ERRORS_ENV = 'LR_LENS_INTERNAL_ERRORS';

export function internalErrorsThrow(): boolean {
  return typeof process !== 'undefined' && process.env[INTERNAL_ERRORS_ENV] === 'throw';
}

/** An error in words, with its stack when it has one. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/** The logger of a host that passes none: one line on stderr per fault. */
export const STDERR_LOGGER: AnalysisLogger = {
  internalError: (error, where) => {
    process.stderr.write(`LR Lens internal error in ${where}: ${describeError(error)}\n`);
  },
};

/** How a fault is handled: the host's logger when it gave one, else thrown under test, else written to stderr. */
export function faultHandler(logger: AnalysisLogger | undefined): (error: unknown, where: string) => void {
  const target = logger ?? (internalErrorsThrow() ? undefined : STDERR_LOGGER);
  return (error, where) => {
    if (!target) throw error;
    target.internalError(error, where);
  };
}
