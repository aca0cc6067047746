import type { HttpMethod } from '../spec/types.js';
import {
  DEFAULTS,
  HTTP_METHODS,
  descriptionProblem,
  emailProblem,
  labelProblem,
  pathProblem,
  urlProblem,
  type AuthType,
  type GrantType,
  type InitAnswers,
  type ParamAnswer,
  type Placement,
} from './answers.js';
import { makeAskers } from './ask.js';
import { AUTH_CHOICES, collectAuth } from './auth-questions.js';
import { InvalidAnswersError, MissingAnswersError } from './errors.js';
import { actionNameProblem, deriveMachineName, humanize, machineNameProblem } from './names.js';
import { askParams } from './param-questions.js';
import type { Prompter } from './prompter.js';

/** The answers as given on the command line (commander's camelCase option names). */
export interface InitFlags {
  name?: string;
  displayName?: string;
  description?: string;
  supportEmail?: string;
  baseUrl?: string;
  auth?: AuthType;
  usernameLabel?: string;
  passwordLabel?: string;
  authPlacement?: Placement;
  authName?: string;
  authValue?: string;
  /** Custom: a token request path; its answer becomes the Session Token config value (flags only). */
  sessionPath?: string;
  sessionValue?: string;
  grantType?: GrantType;
  authorizeUrl?: string;
  tokenUrl?: string;
  scopes?: string;
  /** Already parsed and checked (see parseParamFlag). */
  params?: ParamAnswer[];
  action?: string;
  method?: HttpMethod;
  path?: string;
}

export interface CollectContext {
  /** Ask the user (a TTY, no CI, no --yes); otherwise use flags and defaults only. */
  prompter?: Prompter;
  /** Last segment of the target folder when [dir] was given: a default for the name. */
  dirName?: string;
  /** Only check the flags given (missing answers are fine: they will be asked). */
  flagsOnly?: boolean;
}

/**
 * Collects every answer: a flag wins; otherwise the prompter is asked (interactive) or the default used. Flags are
 * checked before anything is asked. Missing answers without a default are a UsageError naming the flags; invalid
 * answers an InvalidAnswersError listing each problem.
 */
export async function collectAnswers(flags: InitFlags, ctx: CollectContext): Promise<InitAnswers> {
  const { prompter } = ctx;
  if (prompter) {
    // Check the flags first, so nobody answers ten questions to learn that --action was invalid.
    try {
      await collectAnswers(flags, { ...ctx, prompter: undefined, flagsOnly: true });
    } catch (error) {
      if (error instanceof InvalidAnswersError) throw error;
    }
  }
  const missing: string[] = [];
  const problems: string[] = [];

  const { text, choose } = makeAskers(prompter, missing, problems);

  const dirDefault = ctx.dirName !== undefined ? deriveMachineName(ctx.dirName) : undefined;
  const displayName = await text({
    flag: '--display-name',
    message: 'Display name (shown on the connector in Okta Workflows)',
    given: flags.displayName,
    default: flags.name !== undefined ? humanize(flags.name) : dirDefault ? humanize(dirDefault) : undefined,
    check: (v) => labelProblem(v),
  });
  const derived = deriveMachineName(displayName);
  const name = await text({
    flag: '--name',
    message: 'Machine name (lower-case letters, digits and underscores)',
    given: flags.name,
    default: derived,
    check: (v) => machineNameProblem(v),
  });
  // Non-interactive: say why --name is needed instead of listing two flags.
  if (missing.includes('--display-name')) {
    missing.splice(0, missing.length, '--name (or --display-name, or a [dir] to take the name from)');
  } else if (missing.includes('--name')) {
    missing.splice(missing.indexOf('--name'), 1, `--name (none can be derived from "${displayName}")`);
  }
  const description = await text({
    flag: '--description',
    message: 'Description',
    given: flags.description,
    default: DEFAULTS.description(displayName || humanize(name)),
    check: descriptionProblem,
  });
  const supportEmail = await text({
    flag: '--support-email',
    message: 'Support email (required for Okta Integration Network submissions)',
    given: flags.supportEmail,
    default: DEFAULTS.supportEmail,
    check: emailProblem,
  });
  const baseUrl = (
    await text({
      flag: '--base-url',
      message:
        'Base URL of the API (may use ${connection.<key>}, e.g. https://${connection.subdomain}.example.com/v1)',
      given: flags.baseUrl,
      check: (v) => urlProblem(v, true),
    })
  ).replace(/\/+$/, '');

  const authType = await choose('--auth', 'Authentication', flags.auth, AUTH_CHOICES, 'basic');
  const auth = await collectAuth(authType, flags, text, choose);
  const params = flags.params ?? (prompter ? await askParams(prompter) : []);

  const actionName = await text({
    flag: '--action',
    message: 'First action (letters, numbers and spaces only)',
    given: flags.action,
    default: DEFAULTS.actionName,
    check: actionNameProblem,
  });
  const method = await choose(
    '--method',
    `HTTP method of "${actionName}"`,
    flags.method,
    HTTP_METHODS.map((m) => ({ value: m })),
    DEFAULTS.method,
  );
  const path = await text({
    flag: '--path',
    message: 'Path, relative to the base URL (use ${inputs.<key>} for inputs)',
    given: flags.path,
    default: DEFAULTS.path(method),
    check: pathProblem,
  });

  if (missing.length > 0 && !ctx.flagsOnly) throw new MissingAnswersError(missing);
  if (problems.length > 0) throw new InvalidAnswersError(problems);
  return {
    name,
    displayName,
    description,
    supportEmail,
    baseUrl,
    auth,
    params,
    action: { name: actionName, method, path },
  };
}
