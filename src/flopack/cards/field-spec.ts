import type { IoField, IoMetadata, IoType } from '../types.js';

/**
 * How to declare an input or output field: the catalogue declares each kind's fixed fields with it, and the builder
 * writes them. Ids are derived from the card path and the field's group/key.
 */
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
