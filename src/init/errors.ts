import { UsageError, UserError } from '../errors.js';

/** Required answers that have no default, in non-interactive mode: a usage error (exit 2) naming the flags. */
export class MissingAnswersError extends UsageError {
  override name = 'MissingAnswersError';
  constructor(readonly flags: string[]) {
    super(`missing ${flags.join(', ')}: required when not prompting (no TTY, CI set, or --yes)`);
  }
}

/** Answers that break a rule (names, URLs, paths), each naming its flag: refused, exit 1. */
export class InvalidAnswersError extends UserError {
  override name = 'InvalidAnswersError';
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `invalid answer: ${problems[0]}`
        : `invalid answers:\n  ${problems.join('\n  ')}`,
    );
  }
}
