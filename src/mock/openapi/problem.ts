/**
 * The one error shape of the OpenAPI mock: an RFC 9457 problem document (`application/problem+json`) whose
 * `errors` list names, for each broken rule, where it is (`in`, `name`, `pointer`) and which rule it is.
 */

/** Where a violation sits: a parameter location, the body, the credentials, or the request line and headers. */
export type ViolationLocation = 'path' | 'query' | 'header' | 'cookie' | 'body' | 'security' | 'request';

export interface Violation {
  in: ViolationLocation;
  /** The parameter, header or security scheme concerned (absent for the body and the request line). */
  name?: string;
  /** JSON pointer inside the body or inside the parameter's value; `""` is the whole value. */
  pointer?: string;
  /**
   * The rule broken: a JSON Schema keyword (`required`, `type`, `enum`, `format`, `maximum`, `pattern`,
   * `additionalProperties`, …) or one of the mock's own: `route`, `method`, `mediaType`, `credentials`, `syntax`,
   * `style`, `allowEmptyValue`, `bodyTooLarge`, `bodyTimeout`, `prefer`.
   */
  rule: string;
  message: string;
  /** What would have been accepted, where a short list says it: methods, media types, security schemes. */
  allowed?: string[];
}

export type ProblemKind =
  | 'invalid-request'
  | 'unauthorized'
  | 'not-found'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'request-timeout'
  | 'internal-error';

/** Status and title of each kind: the single source for both. */
export const PROBLEMS: Record<ProblemKind, { status: number; title: string }> = {
  'invalid-request': { status: 400, title: 'The request does not match the OpenAPI description' },
  unauthorized: { status: 401, title: 'The request lacks the credentials the description requires' },
  'not-found': { status: 404, title: 'No path of the OpenAPI description matches the request' },
  'method-not-allowed': {
    status: 405,
    title: 'The path does not have this method in the OpenAPI description',
  },
  'unsupported-media-type': {
    status: 415,
    title: "The request's Content-Type is not one the operation accepts",
  },
  'payload-too-large': { status: 413, title: 'The request body is larger than the mock accepts' },
  'request-timeout': { status: 408, title: 'The request body did not arrive in time' },
  'internal-error': { status: 500, title: 'The mock failed to answer; this is a bug in okta-connector' },
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A refused request: the kind decides the status, the violations say why, headers go with the answer. */
export class MockProblem extends Error {
  override name = 'MockProblem';
  constructor(
    readonly kind: ProblemKind,
    readonly violations: Violation[],
    readonly headers: Record<string, string> = {},
  ) {
    super(violations[0]?.message ?? PROBLEMS[kind].title);
  }
  get status(): number {
    return PROBLEMS[this.kind].status;
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  /** The first violation in words, and how many more there are. */
  detail: string;
  /** The operation the request was routed to (operationId, or `METHOD /path` when it has none). */
  operation?: string;
  errors: Violation[];
}

export function problemBody(problem: MockProblem, operation?: string): ProblemBody {
  const { status, title } = PROBLEMS[problem.kind];
  const [first] = problem.violations;
  const more = problem.violations.length - 1;
  const detail = first
    ? `${describeLocation(first)}${first.message}${more > 0 ? ` (and ${more} more)` : ''}`
    : title;
  return {
    type: `urn:okta-connector:mock:${problem.kind}`,
    title,
    status,
    detail,
    ...(operation !== undefined ? { operation } : {}),
    errors: problem.violations,
  };
}

/** `query parameter PageSize: `, `header X-Id: `, `body /To: `, `security basicAuth: `, or nothing for the request line. */
export function describeLocation(v: Violation): string {
  switch (v.in) {
    case 'path':
    case 'query':
    case 'cookie':
      return `${v.in} parameter ${v.name ?? ''}${v.pointer ? ` ${v.pointer}` : ''}: `;
    case 'header':
      return `header ${v.name ?? ''}${v.pointer ? ` ${v.pointer}` : ''}: `;
    case 'body':
      return v.pointer ? `body ${v.pointer}: ` : 'body: ';
    case 'security':
      return v.name ? `security ${v.name}: ` : 'security: ';
    case 'request':
      return v.name ? `${v.name}: ` : '';
  }
}
