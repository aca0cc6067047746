import { CUSTOM_API_ACTION_NAME, HTTP_HELPER_FLOW_NAME } from '../connector/contract.js';
import { isValidFlowName } from '../connector/flow-names.js';

/** Machine name, as schema/connector.schema.json requires: a lower-case letter, then 1–49 of [a-z0-9_]. */
export const MACHINE_NAME = /^[a-z][a-z0-9_]{1,49}$/;
/** Connection parameter, option and input keys (schema `key` pattern). */
export const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
export const MAX_FLOW_NAME_LENGTH = 100;

/** Why `name` is not a valid machine name, or undefined when it is. */
export function machineNameProblem(name: string): string | undefined {
  if (MACHINE_NAME.test(name)) return undefined;
  return `"${printable(name)}" is not a valid machine name: use 2 to 50 lower-case letters, digits and underscores, starting with a letter (e.g. acme_crm)`;
}

/** Why `name` cannot be an action name, or undefined when it can (CBDE000003H, and clashes with generated flows). */
export function actionNameProblem(name: string): string | undefined {
  if (!isValidFlowName(name)) {
    return `"${printable(name)}" is not a valid action name: Okta allows letters, numbers and spaces only, with no leading or trailing spaces (CBDE000003H)`;
  }
  if (name.length > MAX_FLOW_NAME_LENGTH)
    return `the action name is longer than ${MAX_FLOW_NAME_LENGTH} characters`;
  const lower = name.toLowerCase();
  for (const reserved of [CUSTOM_API_ACTION_NAME, HTTP_HELPER_FLOW_NAME]) {
    if (lower === reserved.toLowerCase()) {
      return `"${name}" is the name of a flow every connector gets already; flow names must be unique (CBDE000001H)`;
    }
  }
  return undefined;
}

/** `Acme CRM!` -> `acme_crm`; undefined when nothing usable is left (e.g. only non-Latin letters). */
export function deriveMachineName(text: string): string | undefined {
  const name = text
    .normalize('NFKD')
    .replace(/['’]/g, '')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+/, '')
    .slice(0, 50)
    .replace(/_+$/, '');
  return MACHINE_NAME.test(name) ? name : undefined;
}

const ACRONYMS = new Set(['id', 'url', 'uri', 'api', 'sid', 'sms', 'ip']);

/** `acme_crm` -> `Acme Crm`, `accountSid` -> `Account Sid`, `userId` -> `User ID`. */
export function humanize(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/** A valid action name -> a file-name stem: `Send Message` -> `send-message` (only [a-z0-9-] can result). */
export function kebab(actionName: string): string {
  return actionName.toLowerCase().trim().split(/\s+/).join('-');
}

/** Shows control characters (NUL, newlines) visibly in messages instead of printing them raw. */
export function printable(text: string): string {
  const shown = JSON.stringify(text).slice(1, -1);
  return shown.length > 80 ? shown.slice(0, 77) + '...' : shown;
}
