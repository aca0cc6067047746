import type { IoValue } from '../flopack/types.js';

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
