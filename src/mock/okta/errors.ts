/**
 * Okta's API error body (developer.okta.com "Error codes"): errorCode, errorSummary, errorLink (the code again),
 * errorId (a per-request id), errorCauses.
 */
export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: Array<{ errorSummary: string }>;
}

export interface OktaError {
  status: number;
  body: OktaErrorBody;
}

/** Deterministic error ids ("oae" + 19 characters), numbered per mock instance. */
export function errorIdFactory(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return 'oaeMock' + String(n).padStart(15, '0');
  };
}

function error(status: number, code: string, summary: string, errorId: string): OktaError {
  return {
    status,
    body: { errorCode: code, errorSummary: summary, errorLink: code, errorId, errorCauses: [] },
  };
}

export const oktaErrors = {
  invalidToken: (id: string) => error(401, 'E0000011', 'Invalid token provided', id),
  userNotFound: (user: string, id: string) =>
    error(404, 'E0000007', `Not found: Resource not found: ${user} (User)`, id),
  notFound: (path: string, id: string) =>
    error(404, 'E0000007', `Not found: Resource not found: ${path}`, id),
  methodNotAllowed: (id: string) =>
    error(405, 'E0000022', 'The endpoint does not support the provided HTTP method', id),
  rateLimited: (id: string) =>
    error(429, 'E0000047', 'API call exceeded rate limit due to too many requests.', id),
  internal: (id: string) => error(500, 'E0000009', 'Internal Server Error', id),
};
