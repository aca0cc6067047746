/**
 * Connector Builder's flow-name rule, CBDE000003H: "A name of a flow can contain letters, numbers, and spaces only.
 * Leading or trailing spaces and any other characters are prohibited." (reference §2.8). ASCII letters only: Okta does
 * not say whether accented letters pass, so we do not promise it. Used by validate, lint and init alike.
 */
export const FLOW_NAME_PATTERN = /^[A-Za-z0-9]+( +[A-Za-z0-9]+)*$/;

export function isValidFlowName(name: string): boolean {
  return FLOW_NAME_PATTERN.test(name);
}

/** The closest valid name: other characters become spaces, runs of spaces collapse, ends are trimmed. */
export function suggestFlowName(name: string): string | undefined {
  const fixed = name
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
  return fixed === '' ? undefined : fixed;
}
