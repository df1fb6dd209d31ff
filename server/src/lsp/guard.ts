import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { describeError } from '../analysis/internalErrors';

/** Where the server writes what went wrong (the client's output channel, by default `connection.console`). */
export interface ServerLogger {
  error(message: string): void;
  warn(message: string): void;
}

/**
 * A request handler that cannot take the server down: a fault is logged and answered as an LSP error
 * (InternalError); errors the handler means to send (a cancellation) go out as they are.
 */
export function guardRequest<P, R>(
  logger: ServerLogger,
  method: string,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<void>;
      logger.error(`LR Lens: ${method} failed: ${describeError(error)}`);
      return new ResponseError(
        ErrorCodes.InternalError,
        `LR Lens could not answer ${method}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
}

/** A notification handler whose faults are logged (a notification has no answer to carry them). */
export function guardNotification<P>(
  logger: ServerLogger,
  method: string,
  handler: (params: P) => void | Promise<void>,
): (params: P) => void {
  return (params) => {
    const failed = (error: unknown) => logger.error(`LR Lens: ${method} failed: ${describeError(error)}`);
    try {
      const result = handler(params);
      if (result) result.catch(failed);
    } catch (error) {
      failed(error);
    }
  };
}
