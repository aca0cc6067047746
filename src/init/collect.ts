import type { HttpMethod } from '../spec/types.js';
import {
  AUTH_TYPES,
  DEFAULTS,
  GRANT_TYPES,
  HTTP_METHODS,
  PLACEMENTS,
  authNameProblem,
  authValueProblem,
  descriptionProblem,
  emailProblem,
  labelProblem,
  paramKeyProblem,
  pathProblem,
  splitScopes,
  urlProblem,
  type AuthAnswers,
  type AuthType,
  type GrantType,
  type InitAnswers,
  type ParamAnswer,
  type Placement,
} from './answers.js';
import { actionNameProblem, deriveMachineName, humanize, machineNameProblem } from './names.js';
import { InvalidAnswersError, MissingAnswersError } from './errors.js';
import type { Choice, Prompter } from './prompter.js';

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
}

interface Ask {
  flag: string;
  message: string;
  given: string | undefined;
  default?: string;
  check: (value: string) => string | undefined;
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
      await collectAnswers(flags, { ...ctx, prompter: undefined });
    } catch (error) {
      if (error instanceof InvalidAnswersError) throw error;
    }
  }
  const missing: string[] = [];
  const problems: string[] = [];

  const text = async (a: Ask): Promise<string> => {
    if (a.given !== undefined) {
      const value = a.given.trim();
      const problem = a.check(value);
      if (problem) problems.push(`${a.flag}: ${problem}`);
      return value;
    }
    if (prompter) {
      const answer = await prompter.text({ id: a.flag.slice(2), message: a.message, default: a.default, validate: a.check });
      return answer.trim();
    }
    if (a.default === undefined) missing.push(a.flag);
    return a.default ?? '';
  };
  const choose = async <T extends string>(flag: string, message: string, given: T | undefined, choices: ReadonlyArray<Choice<T>>, def: T): Promise<T> => {
    if (given !== undefined || !prompter) return given ?? def;
    return prompter.select({ id: flag.slice(2), message, choices, default: def });
  };

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
      message: 'Base URL of the API (may use ${connection.<key>}, e.g. https://${connection.subdomain}.example.com/v1)',
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
  const method = await choose('--method', `HTTP method of "${actionName}"`, flags.method, HTTP_METHODS.map((m) => ({ value: m })), DEFAULTS.method);
  const path = await text({
    flag: '--path',
    message: 'Path, relative to the base URL (use ${inputs.<key>} for inputs)',
    given: flags.path,
    default: DEFAULTS.path(method),
    check: pathProblem,
  });

  if (missing.length > 0) throw new MissingAnswersError(missing);
  if (problems.length > 0) throw new InvalidAnswersError(problems);
  return { name, displayName, description, supportEmail, baseUrl, auth, params, action: { name: actionName, method, path } };
}

const AUTH_CHOICES: ReadonlyArray<Choice<AuthType>> = [
  { value: 'basic', name: 'Basic (username and password)' },
  { value: 'custom', name: 'Custom (an API key in a header or query parameter)' },
  { value: 'oauth2', name: 'OAuth 2.0' },
];

type TextFn = (a: Ask) => Promise<string>;
type ChooseFn = <T extends string>(flag: string, message: string, given: T | undefined, choices: ReadonlyArray<Choice<T>>, def: T) => Promise<T>;

async function collectAuth(type: AuthType, flags: InitFlags, text: TextFn, choose: ChooseFn): Promise<AuthAnswers> {
  if (type === 'basic') {
    const label = (flag: string, which: string, given: string | undefined, def: string) =>
      text({ flag, message: `Label of the ${which} field`, given, default: def, check: (v) => labelProblem(v) });
    return {
      type,
      usernameLabel: await label('--username-label', 'username', flags.usernameLabel, DEFAULTS.usernameLabel),
      passwordLabel: await label('--password-label', 'password', flags.passwordLabel, DEFAULTS.passwordLabel),
    };
  }
  if (type === 'custom') {
    const placement = await choose('--auth-placement', 'Send the API key in', flags.authPlacement, PLACEMENTS.map((p) => ({ value: p })), 'header');
    const name = await text({
      flag: '--auth-name',
      message: placement === 'header' ? 'Header name' : 'Query parameter name',
      given: flags.authName,
      default: DEFAULTS.authName(placement),
      check: (v) => authNameProblem(v, placement),
    });
    const value = await text({
      flag: '--auth-value',
      message: 'Value (${connection.<key>} refers to a connection parameter)',
      given: flags.authValue,
      default: DEFAULTS.authValue(name),
      check: authValueProblem,
    });
    return { type, placement, name, value };
  }
  const grantType = await choose('--grant-type', 'OAuth 2.0 grant type', flags.grantType, GRANT_TYPES.map((g) => ({ value: g })), 'authorization_code');
  const url = (flag: string, message: string, given: string | undefined) =>
    text({ flag, message, given, check: (v) => urlProblem(v, false) });
  const authorizeUrl =
    grantType === 'authorization_code' ? await url('--authorize-url', 'Authorization URL', flags.authorizeUrl) : undefined;
  const tokenUrl = await url('--token-url', 'Token URL', flags.tokenUrl);
  const scopes = await text({
    flag: '--scopes',
    message: 'Scopes (separated by spaces or commas; empty for none)',
    given: flags.scopes,
    default: '',
    check: () => undefined,
  });
  return { type, grantType, ...(authorizeUrl !== undefined && { authorizeUrl }), tokenUrl, scopes: splitScopes(scopes) };
}

async function askParams(prompter: Prompter): Promise<ParamAnswer[]> {
  const params: ParamAnswer[] = [];
  while (
    await prompter.confirm({
      id: 'param.add',
      message: params.length === 0 ? 'Add a connection parameter (e.g. a subdomain)?' : 'Add another connection parameter?',
      default: false,
    })
  ) {
    const key = (
      await prompter.text({
        id: 'param.key',
        message: 'Key (e.g. subdomain)',
        validate: (v) => paramKeyProblem(v) ?? (params.some((p) => p.key === v) ? `"${v}" is already a parameter` : undefined),
      })
    ).trim();
    const label = (await prompter.text({ id: 'param.label', message: 'Label', default: humanize(key), validate: (v) => labelProblem(v) })).trim();
    const type = await prompter.select<ParamAnswer['type']>({
      id: 'param.type',
      message: 'Type',
      choices: [{ value: 'text' }, { value: 'password', name: 'password (hidden)' }],
      default: 'text',
    });
    const required = await prompter.confirm({ id: 'param.required', message: 'Required?', default: true });
    params.push({ key, label, type, required });
  }
  return params;
}
