/** The one list of exit codes; `--help` prints it. */
export const ExitCode = {
  ok: 0,
  invalid: 1,
  usage: 2,
  flowFailed: 3,
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const EXIT_CODES_HELP = `Exit codes:
  0   success (valid, built, passed)
  1   invalid input or findings with errors (validate, lint, build, test failures)
  2   usage error (unknown command or option, missing argument)
  3   the simulated flow failed (simulate), with the error as Okta would show it
  70  internal error (please report it; rerun with --debug for the stack)`;
