import { readFlo, type Scope } from '../flopack/read/index.js';
import type { Flo, Flopack } from '../flopack/types.js';

/** What the build sheet and docs show instead of a value that looks like a credential. */
export const REDACTED = '•••••• (redacted)';

/** Field or header names whose values are secrets (Authorization headers, passwords, tokens, API keys). */
// `token` only at the end of a name (access_token, X-Auth-Token) so that maxTokens or Token URL are not secrets.
const CREDENTIAL_NAME =
  /authori[sz]ation|password|passwd|secret|api[\s_-]?key|private[\s_-]?key|cookie|token$/i;

export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}

export interface CredentialFinding {
  flow: string;
  card: string;
  field: string;
}

/**
 * Static (typed-in) values on fields named like credentials, in any flow or inline flow. A generated connector takes
 * credentials from the connection only, so a finding means the spec hard-codes a secret: the build refuses to
 * write it into an artifact.
 */
export function findCredentialValues(flopack: Flopack): CredentialFinding[] {
  return Object.values(flopack.data.flos).flatMap(credentialValuesIn);
}

/**
 * `findCredentialValues` of one flow (and its inline flos), read through the read model (readFlo is cached per flo
 * object: a build's lint has just read this flow) rather than the JSON again: the keys of each card's
 * dictionary-mode inputs are not taken twice, and cards of one shape (not the JSON's many) reach this loop.
 */
export function credentialValuesIn(flo: Flo): CredentialFinding[] {
  const findings: CredentialFinding[] = [];
  const visit = (flow: string, scope: Scope) => {
    for (const card of scope.cards) {
      for (const { field } of card.inputs.values()) {
        const data = field.value?.data;
        if (field.value?.type === 'flo' && data && typeof data === 'object') {
          visit(flow, readFlo(data));
          continue;
        }
        const named = isCredentialName(field.key) || isCredentialName(field.metadata?.displayname ?? '');
        // A value in a field named like a credential, or an object holding a key named like one with a value.
        const holds =
          (named && hasValue(data)) ||
          (data !== null && typeof data === 'object' && credentialKeyWithValue(data));
        if (holds) {
          findings.push({
            flow,
            card: card.card.node.data.name,
            field: field.metadata?.displayname ?? field.key,
          });
        }
      }
      const policy = card.model?.policy?.error;
      if (policy && policy.type === 'handler' && typeof policy.flo === 'object' && policy.flo !== null) {
        visit(flow, readFlo(policy.flo));
      }
    }
  };
  if (typeof flo.data === 'object' && flo.data !== null) visit(flo.name, readFlo(flo.data));
  return findings;
}

function hasValue(data: unknown): boolean {
  if (typeof data === 'string') return data.trim() !== '';
  return data !== null && data !== undefined && typeof data !== 'boolean' && typeof data !== 'object';
}

function credentialKeyWithValue(data: object): boolean {
  for (const [k, v] of Object.entries(data)) {
    if (isCredentialName(k) && hasValue(v)) return true;
    if (v && typeof v === 'object' && credentialKeyWithValue(v)) return true;
  }
  return false;
}
