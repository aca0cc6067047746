import type { IoValue } from '../flopack/types.js';

/**
 * The Workflows console names function cards "<App> <Card>" (e.g. "Text Compose", "Flow Control Call Flow",
 * "Error Handling If Error": reference §2.5 step 5–6). Card names per address come from reference Appendix A;
 * the app a kernel module sits under is [I] except where §2.4/§2.5 quote it.
 */
const MODULE_APPS: Record<string, string> = {
  string: 'Text',
  object: 'Object',
  list: 'List',
  json: 'JSON',
  math: 'Number',
  date: 'Date & Time',
  boolean: 'True/False',
  url: 'URL',
  crypto: 'Crypto',
  jwt: 'JWT',
  utility: 'Utility',
  control: 'Flow Control',
  http: 'Event',
};

/** Control cards that the console files under another app. */
const CONTROL_APPS: Record<string, string> = {
  if: 'Branching',
  branch: 'Branching',
  continueIf: 'Branching',
  assignIf: 'Branching',
  lookup: 'Branching',
  tryCatch: 'Error Handling',
  throw: 'Error Handling',
  throwIf: 'Error Handling',
};

/** Card names from reference Appendix A (kernel) and §1.7. */
const CARD_NAMES: Record<string, string> = {
  'control:callable': 'Helper Flow',
  'control:return': 'Return',
  'control:returnRaw': 'Return Raw',
  'control:throw': 'Return Error',
  'control:throwIf': 'Return Error If',
  'control:tryCatch': 'If Error',
  'control:if': 'If/Else',
  'control:branch': 'If/ElseIf',
  'control:join': 'Join',
  'control:noop': 'Noop',
  'control:spawn': 'Call Flow',
  'control:run': 'Call Flow Async',
  'control:let': 'Assign',
  'control:assignIf': 'Assign If',
  'control:continueIf': 'Continue If',
  'control:comment': 'Comment',
  'control:lookup': 'Lookup',
  'string:compose': 'Compose',
  'string:concat': 'Concatenate',
  'string:base64': 'Base64',
  'string:base64Decode': 'Base64 Decode',
  'string:at': 'Text At',
  'string:length': 'Length',
  'string:split': 'Split',
  'string:replace': 'Replace',
  'string:toLowerCase': 'To Lower Case',
  'object:construct': 'Construct',
  'object:get': 'Get',
  'object:pick': 'Get Multiple',
  'object:merge': 'Merge',
  'object:set': 'Set',
  'object:keys': 'Keys',
  'object:expand': 'Path',
  'list:each': 'For Each',
  'list:asyncEach': 'For Each - Ignore Errors',
  'list:map': 'Map',
  'list:construct': 'Construct',
  'list:length': 'Length',
  'list:at': 'At',
  'json:parse': 'Parse',
  'json:stringify': 'Stringify',
  'url:encodeComponent': 'Encode Component',
  'http:accept': 'API Endpoint',
  'http:delegated': 'Delegated Flow',
};

const HTTP_FUNCTION_NAMES: Record<string, string> = {
  raw: 'Raw Request',
  get: 'Get',
  post: 'Post',
  put: 'Put',
  patch: 'Patch',
  delete: 'Delete',
  close: 'Close',
};

/** "Text Compose", "HTTP Raw Request", "Flow Control Call Flow"; unknown addresses come back as they are. */
export function cardTypeName(address: string): string {
  const parts = address.split(':');
  if (parts[0] === 'root' && parts[1] === 'kernel' && parts.length === 5) {
    const module = parts[2] ?? '';
    const key = parts[4] ?? '';
    const name = CARD_NAMES[`${module}:${key}`] ?? key;
    const app =
      module === 'control' ? (CONTROL_APPS[key] ?? 'Flow Control') : (MODULE_APPS[module] ?? module);
    if (module === 'control' && key === 'callable') return 'Helper Flow';
    if (module === 'http') return name;
    return `${app} ${name}`;
  }
  if (parts[0] === 'root' && parts[1] === 'channels' && parts.length === 6) {
    const channel = parts[3] ?? '';
    const key = parts[5] ?? '';
    if (channel === 'httpfunctions') return `HTTP ${HTTP_FUNCTION_NAMES[key] ?? key}`;
    return `${channel} ${key}`;
  }
  return address;
}

/** `root:kernel:control:0.0.1:tryCatch` → `control:tryCatch`; channel cards → `<channel>:<key>`. */
export function cardKind(address: string): string {
  const parts = address.split(':');
  if (parts[1] === 'kernel') return `${parts[2] ?? ''}:${parts[4] ?? ''}`;
  return `${parts[3] ?? ''}:${parts[5] ?? ''}`;
}

const SCALAR_TYPES: Record<string, string> = {
  string: 'Text',
  number: 'Number',
  boolean: 'True/False',
  Date: 'Date & Time',
  object: 'Object',
  file: 'File',
  flo: 'Flow',
  '*': 'Any',
};

/** The console's field type names (reference §2.1 "Data types: Text, Number, True/False, Date & Time, Object, File"). */
export function fieldTypeName(value: Pick<IoValue, 'type' | 'collection'>): string {
  const base = typeof value.type === 'string' ? (SCALAR_TYPES[value.type] ?? value.type) : 'Object';
  return value.collection ? `List of ${base}` : base;
}
