import type { IoType } from '../flopack/types.js';
import type { FieldType } from '../spec/types.js';

const TYPES: Record<FieldType, IoType> = {
  text: 'string',
  number: 'number',
  boolean: 'boolean',
  datetime: 'Date',
  object: 'object',
};

/** Workflows type of a spec field type (Connector Builder: Text, Number, True/False, Date & Time, Object). */
export function ioType(type: FieldType | undefined): IoType {
  return TYPES[type ?? 'text'] ?? 'string';
}
