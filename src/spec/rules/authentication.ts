import { templateRefs } from '../placeholders.js';
import type { RuleFinding, SpecRule } from './rule.js';
import { authMethods } from '../auth-types.js';
import type { Authentication, ConnectorSpec } from '../types.js';

/** Authentication settings that cannot work: OAuth without the URLs its grant needs, custom auth without a secret. */
export const authentication: SpecRule = {
  name: 'authentication',
  codes: ['OC-SPEC-AUTH'],
  description: 'Authentication settings must be complete for their type.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    const several = Array.isArray(spec.authentication);
    authMethods(spec).forEach((auth, i) => {
      const at = several ? `/authentication/${i}` : '/authentication';
      for (const f of methodFindings(auth, spec))
        findings.push({ ...f, pointer: f.pointer.replace(/^\/authentication/, at) });
    });
    return findings;
  },
};

/** One method's findings, with pointers as if it were the only one (`/authentication/...`). */
function methodFindings(auth: Authentication, spec: ConnectorSpec): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (auth.type === 'oauth2') {
    if (auth.grantType === 'authorization_code' && !auth.authorizeUrl) {
      findings.push({
        code: 'OC-SPEC-AUTH',
        severity: 'error',
        pointer: '/authentication',
        message: 'the authorization_code grant needs authorizeUrl, where users sign in and consent',
      });
    }
    if (auth.grantType === 'client_credentials' && auth.authorizeUrl) {
      findings.push({
        code: 'OC-SPEC-AUTH',
        severity: 'warning',
        pointer: '/authentication/authorizeUrl',
        message: 'the client_credentials grant has no user sign-in, so authorizeUrl is never used',
      });
    }
    if (auth.grantType === 'client_credentials' && auth.refresh) {
      findings.push({
        code: 'OC-SPEC-AUTH',
        severity: 'warning',
        pointer: '/authentication/refresh',
        message: 'client_credentials tokens are fetched again rather than refreshed; refresh has no effect',
      });
    }
  }
  if (auth.type === 'custom') {
    const refs = templateRefs(auth.value).filter((r) => r.source === 'connection');
    if (refs.length === 0) {
      findings.push({
        code: 'OC-SPEC-AUTH',
        severity: 'error',
        pointer: '/authentication/value',
        message:
          'custom authentication must take its secret from the connection; found no ${connection.<key>} in the value',
        hint: 'e.g. value: Bearer ${connection.apiKey}',
      });
    }
    for (const ref of refs) {
      const param = spec.connectionParameters?.find((p) => p.key === ref.key);
      if (param && param.type !== 'password') {
        findings.push({
          code: 'OC-SPEC-AUTH',
          severity: 'warning',
          pointer: '/authentication/value',
          message: `the secret comes from connection parameter "${ref.key}", which is of type ${param.type} and so shown in clear text`,
          hint: 'make it type: password',
        });
      }
    }
  }
  return findings;
}
