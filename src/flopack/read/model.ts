import type { Card, CardModel, IoField } from '../types.js';
import type { CardAddress } from './address.js';
import type { Json } from './tolerant.js';

/**
 * The read model of a flopack: what every reader (lint, the simulator, the build sheet, the tests) sees of a file.
 * It is built from JSON that may be hand-edited, so nothing here assumes the export's shape: fields of a malformed
 * card read as empty, and what cannot be read at all is listed as a problem. Readers add their own fields (lint
 * its pointers and labels, the simulator its runtime plan) around these objects rather than re-reading the JSON.
 */

/** One input or output field of a card. */
export interface FieldInfo {
  /** The key under `inputs.data` / `outputs.data` (equal to `field.id` in a well-formed file). */
  id: string;
  side: 'input' | 'output';
  /** `field.key`, or '' when it is missing. */
  key: string;
  group: string | null;
  /** The field as stored. */
  field: IoField;
}

/** One card ("method") of a scope. */
export interface CardInfo {
  /** Position in `methods`. */
  index: number;
  /** `card.uuid`, or '?' when it is missing. */
  uuid: string;
  address: string;
  /** The address's parts, when it has a known shape (read/address.ts). */
  parts: CardAddress | undefined;
  /** `<module>:<key>` of the address (read/address.ts). */
  tail: string;
  /** The name stored on the card (`node.data.name`, else `model.metadata.name`, else the address's last part). */
  name: string;
  /** The card as stored. */
  card: Card;
  /** `node.model` when it is an object. */
  model: CardModel | undefined;
  /** Inputs and outputs by their map key, in stored order; entries that are not objects are left out. */
  inputs: Map<string, FieldInfo>;
  outputs: Map<string, FieldInfo>;
  /**
   * The inputs whose value is a flo (`value.type` 'flo': a flow reference or an inline flo), in stored order: found
   * as the inputs are read, since the walk, lint and the documents all look for them and few cards have any.
   */
  floInputs: readonly FieldInfo[];
  scope: Scope;
}

/** Where an inline flo hangs off its card, which decides how each reader labels it (read/inline.ts). */
export type InlineKind =
  /** If Error's try branch: the `flo` input of `control:tryCatch`. */
  | 'try'
  /** If Error's error branch: `model.policy.error.flo`. */
  | 'error'
  /** An If/ElseIf branch: one `flo` input per group (`if`, `else`, the ElseIf groups). */
  | 'branch'
  /** The child flow of a list card (For Each, Map…). */
  | 'loop'
  /** Any other card with an inline `flo` input. */
  | 'other';

export interface InlineFlow {
  kind: InlineKind;
  /** The group of the `flo` input (If/ElseIf branches), else null. */
  group: string | null;
  /** The `flo` input holding it; undefined for the error branch (it is in the card's policy). */
  field?: FieldInfo;
  /** The inline flo: an object with `methods` and `orderings`. */
  data: Json;
}

/**
 * One flo scope: a top-level flow or an inline flo (If Error try/error, If/ElseIf branch, For Each child). Pins,
 * orderings and branch heads stay within one scope (reference §1.6).
 */
export interface Scope {
  /** The top-level flow this scope belongs to ('' for a flo read on its own). */
  flowId: string;
  flowName: string;
  inline: boolean;
  /** The object holding `methods` and `orderings` (`flo.data`, or the inline flo itself). */
  data: Json;
  /** JSON pointer of `data` within the flopack ('' for a flo read on its own). */
  pointer: string;
  cards: CardInfo[];
  /** The first card with each uuid (duplicates are lint's business). */
  byUuid: Map<string, CardInfo>;
  /** For inline flos (found by readFlopack): the card that holds it and how. */
  owner?: { card: CardInfo; inline: InlineFlow };
  /** `methods` is missing or not a list. */
  noMethods: boolean;
  /** Positions in `methods` that do not hold an object. */
  notCards: number[];
}

/** A top-level flow of `data.flos`. */
export interface FlowInfo {
  id: string;
  /** `flo.name`, else its id. */
  name: string;
  /** The flo as stored. */
  flo: Json;
  /** Undefined when `flo.data` is not an object. */
  scope: Scope | undefined;
}

/** What a walk over a whole file could not read, with the JSON pointer of the place. */
export interface ReadProblem {
  message: string;
  pointer: string;
  /** The flow, or the card owning an inline flo, where it was found. */
  flow?: FlowInfo;
  owner?: CardInfo;
  scope?: Scope;
}

/** One top-level flow read on its own (walk.ts readFlow): what readFlopack reads of each flow. */
export interface FlowReading {
  /** Its key in `data.flos`. */
  id: string;
  /** `/data/flos/<id>`. */
  pointer: string;
  /** Undefined when the flo is not an object. */
  flow: FlowInfo | undefined;
  /** Its scopes: the flow's own, then its inline flos depth first. */
  scopes: Scope[];
  problems: ReadProblem[];
}

/** A whole flopack, read once: its sections, its flows, and every scope (inline flos after their flow's cards). */
export interface FlopackReading {
  /** The document as parsed. */
  root: unknown;
  /** `root.data` when it is an object. */
  data: Json | undefined;
  flos: Json;
  configs: Json;
  tables: Json;
  groups: Json;
  flows: FlowInfo[];
  /** Every scope: each top-level flow, then its inline flos depth first, flow after flow. */
  scopes: Scope[];
  /** Flows that are not objects, flows without `data`, inline flos that contain themselves. */
  problems: ReadProblem[];
}
