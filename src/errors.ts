import type { Diagnostic } from './diagnostics/diagnostic.js';

/** Bad command-line usage: unknown flag, missing argument, conflicting options. Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The user's input has problems, described as diagnostics. Exit 1. */
export class DiagnosticsError extends Error {
  override name = 'DiagnosticsError';
  constructor(
    readonly diagnostics: Diagnostic[],
    message = diagnostics[0]?.message ?? 'invalid input',
  ) {
    super(message);
  }
}

/** A user-facing failure that is not about a file's content (a port in use, a folder that exists). Exit 1. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
