import type { ApiErrorCode } from '../../shared/api';

/** An error a service raises on purpose: dispatch turns it into `{ ok: false, error }`. */
export class ServiceError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
