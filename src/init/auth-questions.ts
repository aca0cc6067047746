import {
  DEFAULTS,
  GRANT_TYPES,
  PLACEMENTS,
  authNameProblem,
  authValueProblem,
  labelProblem,
  pathProblem,
  splitScopes,
  urlProblem,
  type AuthAnswers,
  type AuthType,
} from './answers.js';
import type { ChooseFn, TextFn } from './ask.js';
import type { InitFlags } from './collect.js';
import type { Choice } from './prompter.js';

export const AUTH_CHOICES: ReadonlyArray<Choice<AuthType>> = [
  { value: 'basic', name: 'Basic (username and password)' },
  { value: 'custom', name: 'Custom (an API key in a header or query parameter)' },
  { value: 'oauth2', name: 'OAuth 2.0' },
];

/** The questions for each authentication type (reference §2.3): field labels, the API key's place, OAuth URLs. */
export async function collectAuth(
  type: AuthType,
  flags: InitFlags,
  text: TextFn,
  choose: ChooseFn,
): Promise<AuthAnswers> {
  if (type === 'basic') {
    const label = (flag: string, which: string, given: string | undefined, def: string) =>
      text({
        flag,
        message: `Label of the ${which} field`,
        given,
        default: def,
        check: (v) => labelProblem(v),
      });
    return {
      type,
      usernameLabel: await label('--username-label', 'username', flags.usernameLabel, DEFAULTS.usernameLabel),
      passwordLabel: await label('--password-label', 'password', flags.passwordLabel, DEFAULTS.passwordLabel),
    };
  }
  if (type === 'custom') {
    const placement = await choose(
      '--auth-placement',
      'Send the API key in',
      flags.authPlacement,
      PLACEMENTS.map((p) => ({ value: p })),
      'header',
    );
    const name = await text({
      flag: '--auth-name',
      message: placement === 'header' ? 'Header name' : 'Query parameter name',
      given: flags.authName,
      default: DEFAULTS.authName(placement),
      check: (v) => authNameProblem(v, placement),
    });
    // A session token from a token request is asked for by flags only (Config Values › Value from Helper Flow).
    const sessionPath =
      flags.sessionPath === undefined
        ? undefined
        : await text({
            flag: '--session-path',
            message: 'Token request path, relative to the base URL',
            given: flags.sessionPath,
            check: pathProblem,
          });
    const value = await text({
      flag: '--auth-value',
      message: 'Value (${connection.<key>} refers to a connection parameter)',
      given: flags.authValue,
      default: DEFAULTS.authValue(name, sessionPath !== undefined),
      check: authValueProblem,
    });
    if (sessionPath === undefined) return { type, placement, name, value };
    const sessionValue = await text({
      flag: '--session-value',
      message: 'Dot path of the token in the JSON answer',
      given: flags.sessionValue ?? DEFAULTS.sessionValue,
      check: (v) => (/^[^.]+(\.[^.]+)*$/.test(v) ? undefined : `"${v}" is not a dot path such as data.token`),
    });
    return { type, placement, name, value, session: { path: sessionPath, value: sessionValue } };
  }
  const grantType = await choose(
    '--grant-type',
    'OAuth 2.0 grant type',
    flags.grantType,
    GRANT_TYPES.map((g) => ({ value: g })),
    'authorization_code',
  );
  const url = (flag: string, message: string, given: string | undefined) =>
    text({ flag, message, given, check: (v) => urlProblem(v, false) });
  const authorizeUrl =
    grantType === 'authorization_code'
      ? await url('--authorize-url', 'Authorization URL', flags.authorizeUrl)
      : undefined;
  const tokenUrl = await url('--token-url', 'Token URL', flags.tokenUrl);
  const scopes = await text({
    flag: '--scopes',
    message: 'Scopes (separated by spaces or commas; empty for none)',
    given: flags.scopes,
    default: '',
    check: () => undefined,
  });
  return {
    type,
    grantType,
    ...(authorizeUrl !== undefined && { authorizeUrl }),
    tokenUrl,
    scopes: splitScopes(scopes),
  };
}
