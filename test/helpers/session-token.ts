import type { ConfigValue, CustomAuthentication, RequestBody } from '../../src/spec/types.js';

/**
 * The custom authentication of a service that trades credentials for a session token: a hidden password config
 * value `session`, filled by a helper flow that POSTs `body` to `path` and reads the token at `value`, sent as
 * `Authorization: Session ${connection.session}`. `extra` config values follow the session one.
 */
export function sessionTokenAuth(login: {
  path: string;
  body: RequestBody;
  value: string;
  extra?: ConfigValue[];
}): CustomAuthentication {
  return {
    type: 'custom',
    placement: 'header',
    name: 'Authorization',
    value: 'Session ${connection.session}',
    configValues: [
      {
        key: 'session',
        label: 'Session',
        type: 'password',
        visible: false,
        helperFlow: { request: { method: 'POST', path: login.path, body: login.body }, value: login.value },
      },
      ...(login.extra ?? []),
    ],
  };
}
