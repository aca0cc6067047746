import type { Card, Flo, Flopack, IoField } from '../flopack/types.js';

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

/** `findCredentialValues` of one flow (and its inline flows). */
export function credentialValuesIn(flo: Flo): CredentialFinding[] {
  const findings: CredentialFinding[] = [];
  const visit = (flow: string, methods: unknown) => {
    if (!Array.isArray(methods)) return;
    for (const card of methods as Card[]) {
      const inputs: Record<string, IoField> = card.node?.model?.inputs?.data ?? {};
      // Keys, then reads: a generated card's inputs are a dictionary-mode object (flopack/builder/ids.ts byId).
      for (const id of Object.keys(inputs)) {
        const field = inputs[id]!;
        const data = field.value?.data;
        if (field.value?.type === 'flo' && data && typeof data === 'object') {
          visit(flow, (data as { methods?: unknown }).methods);
          continue;
        }
        const named = isCredentialName(field.key) || isCredentialName(field.metadata?.displayname ?? '');
        if (named && hasValue(data)) {
          findings.push({ flow, card: card.node.data.name, field: field.metadata?.displayname ?? field.key });
        } else if (data && typeof data === 'object' && credentialKeyWithValue(data)) {
          findings.push({ flow, card: card.node.data.name, field: field.metadata?.displayname ?? field.key });
        }
      }
      const policy = card.node?.model?.policy?.error;
      if (policy && policy.type === 'handler' && policy.flo) visit(flow, policy.flo.methods);
    }
  };
  visit(flo.name, flo.data.methods);
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
