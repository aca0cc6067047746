import type { RuleFinding, SpecRule } from './rule.js';
import { templatedStringsOf } from './templated.js';

/** Shapes of credentials that must come from the connection, never from the spec (which ends up in artifacts). */
const SECRET_SHAPES: Array<[RegExp, string]> = [
  [/^\s*(basic|bearer|ssws)\s+[A-Za-z0-9+/=._~-]{8,}\s*$/i, 'an Authorization value'],
  [/\bSK[0-9a-fA-F]{32}\b/, 'a Twilio API Key SID'],
  [/\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}/, 'an API secret key'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}/, 'a GitHub token'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
];

/** What literal-secrets needs to know of a template's text, wherever it stands. */
interface TemplateShape {
  /** The first secret shape it matches. */
  secret: string | undefined;
  /** Whether it matches a shape other than the Authorization value (which a connection value may complete). */
  secretBesidesAuthorization: boolean;
  usesConnection: boolean;
  blank: boolean;
}

function shapeOf(template: string): TemplateShape {
  const usesConnection = template.includes('${connection.');
  return {
    secret: SECRET_SHAPES.find(([re]) => re.test(template))?.[1],
    secretBesidesAuthorization: usesConnection && SECRET_SHAPES.slice(1).some(([re]) => re.test(template)),
    usesConnection,
    blank: template.trim() === '',
  };
}

const AUTH_HEADERS = /^(authorization|proxy-authorization|x-api-key|api-key|x-auth-token)$/i;

/** Literal credentials in the spec would be copied into every artifact; they belong in the connection. */
export const literalSecrets: SpecRule = {
  name: 'literal-secrets',
  codes: ['OC-SPEC-LITERAL-SECRET'],
  description: 'No credential may be written into the spec; use connection values (${connection.<key>}).',
  check(ctx) {
    const findings: RuleFinding[] = [];
    // Templates repeat across actions: each distinct text meets the seven shapes once.
    const shapes = new Map<string, TemplateShape>();
    for (const { string: s } of templatedStringsOf(ctx)) {
      let shape = shapes.get(s.template);
      if (!shape) {
        shape = shapeOf(s.template);
        shapes.set(s.template, shape);
      }
      const header = s.pointer.match(/\/headers\/([^/]+)$/)?.[1];
      let what = shape.secret;
      if (!what && header && AUTH_HEADERS.test(header) && !shape.usesConnection && !shape.blank) {
        what = `a literal ${header} header`;
      }
      if (!what || (shape.usesConnection && !shape.secretBesidesAuthorization)) continue;
      findings.push({
        code: 'OC-SPEC-LITERAL-SECRET',
        severity: 'error',
        pointer: s.pointer,
        message: `this value looks like ${what}; a credential in the spec would be copied into every flow and document`,
        hint: 'declare a connection parameter (type: password) and reference it as ${connection.<key>}',
      });
    }
    return findings;
  },
};
