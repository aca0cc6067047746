import type { IoField, IoMetadata, IoType } from '../types.js';

/** How to declare an input or output field. Ids are derived from the card path and the field's group/key. */
export interface FieldSpec {
  key: string;
  type?: IoType;
  collection?: boolean;
  /** Static value shown in the card (a default, or the literal the card works with). */
  data?: unknown;
  group?: string | null;
  required?: boolean;
  /** `d` data (default) or `p` design-time option (reference §1.5). */
  flags?: 'd' | 'p';
  ref?: boolean;
  metadata?: IoMetadata;
  /** Allowed types (cosmetic); may be a shared frozen list. */
  available?: readonly string[];
  /** Inputs only: the For Each current-item proxy (§1.5); false everywhere else. */
  proxy?: IoField['value']['proxy'];
}

/** The value a card shows when nothing else is given. */
export function emptyData(type: IoType, collection: boolean): unknown {
  if (collection) return [];
  if (type === 'string') return '';
  if (type === 'object' || typeof type === 'object') return {};
  return null;
}

/** An input field, keys in the order of real custom fields (send_sms_via_twilio, reference §1.5). */
export function makeInput(id: string, spec: FieldSpec, index: number): IoField {
  const type = spec.type ?? 'string';
  const collection = spec.collection ?? false;
  return {
    id,
    group: spec.group ?? null,
    key: spec.key,
    value: {
      error: false,
      proxy: spec.proxy ?? false,
      check: false,
      type,
      collection,
      data: spec.data === undefined ? emptyData(type, collection) : spec.data,
      available: (spec.available ?? []) as string[],
    },
    required: spec.required ?? false,
    ref: spec.ref ?? false,
    metadata: { index, ...spec.metadata },
    flags: spec.flags ?? 'd',
  };
}

/** An output field: like an input without `required`, `flags`, `proxy` and `check` (real outputs omit them). */
export function makeOutput(id: string, spec: FieldSpec, index: number): IoField {
  const type = spec.type ?? 'string';
  const collection = spec.collection ?? false;
  const field = {
    id,
    group: spec.group ?? null,
    key: spec.key,
    value: {
      error: false,
      type,
      collection,
      data: spec.data === undefined ? emptyData(type, collection) : spec.data,
      available: spec.available ?? [],
    },
    ref: spec.ref ?? false,
    metadata: { index, ...spec.metadata },
  };
  // Real output fields carry neither `required` nor `flags`; the shared IoField type is wider than they are.
  return field as unknown as IoField;
}
