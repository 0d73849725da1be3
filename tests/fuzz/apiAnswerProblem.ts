import type { ApiErrorCode } from '../../src/shared/api';

/** Codes a refusal may carry; the other two mean the app itself failed. */
const REFUSAL_CODES: readonly ApiErrorCode[] = [
  'invalid_request',
  'unknown_method',
  'not_found',
  'unsupported_format',
  'import_failed',
  'too_large',
  'no_text_layer',
  'encrypted',
  'damaged',
  'cancelled',
];

/** Longer than any refusal the app writes, even one quoting a 255-character file name. */
const MAX_MESSAGE_LENGTH = 1_000;

/**
 * What is wrong with an API answer, or null when it is a well-formed result: `{ok: true, value}`,
 * or a refusal with a known code and a message that is one readable sentence, not a stack trace
 * or a dump of the request. `internal_error` and `database_error` count as crashes.
 */
export function answerProblem(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null) return `not a result: ${String(answer)}`;
  const result = answer as { ok?: unknown; value?: unknown; error?: unknown };
  if (result.ok === true) return 'value' in result ? null : 'ok without a value';
  if (result.ok !== false) return 'neither ok nor refused';
  const error = result.error as { code?: unknown; message?: unknown } | undefined;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string') {
    return 'a refusal without a code and a message';
  }
  const message = error.message;
  if (!REFUSAL_CODES.includes(error.code as ApiErrorCode)) {
    return `crash (${error.code}): ${message.slice(0, 300)}`;
  }
  if (message.length > MAX_MESSAGE_LENGTH) {
    return `a ${message.length}-character message: ${message.slice(0, 120)}…`;
  }
  if (!isSentence(message)) return `not a sentence: ${message}`;
  return null;
}

export function isSentence(message: string): boolean {
  return (
    /^[A-Z“"]/.test(message) &&
    /[.!?][”"]?$/.test(message) &&
    !/\n\s*at |\bat .*:\d+:\d+|\b(Type|Range|Reference|Syntax)Error\b|\[object /.test(message)
  );
}
