import { boundedMemo } from '../util/bounded-memo.js';
import { cardTypeName } from '../flopack/cards/index.js';
import {
  executionOrder,
  graphOf,
  inlineFlows,
  inlineLabel,
  readFlo,
  readInline,
  type CardInfo,
  type Scope,
  type ScopeGraph,
} from '../flopack/read/index.js';
import type { Flo } from '../flopack/types.js';

/**
 * One reading of a flow, shared by the build sheet, the Mermaid writer and the SVG drawer: its visible cards in
 * execution order (read model, src/flopack/read), with If/Else branches, If Error try/error flows and other inline
 * flows as side-by-side lanes.
 */
export interface FlowGraph {
  floId: string;
  name: string;
  description: string;
  steps: GraphNode[];
  /** Every visible card at any depth, depth first, in step order (flattenGraph of the steps). */
  nodes: GraphNode[];
  /** The event card, if any. */
  start?: CardInfo;
  scope: Scope;
  /** Card → its step number ("3", "4.1.2"), for every visible card at any depth. */
  numbers: Map<CardInfo, string>;
  /** The name a person sees for each shown card (the start and end cards renamed as Connector Builder shows them). */
  names: Map<CardInfo, string>;
}

export interface GraphNode {
  card: CardInfo;
  /** Step number: "3" at the top level, "4.2.1" = lane 2 of card 4, first card. */
  number: string;
  name: string;
  /** Human card type, e.g. "Text Compose". */
  type: string;
  lanes: GraphLane[];
}

export interface GraphLane {
  label: string;
  steps: GraphNode[];
}

/**
 * The flow as a person builds it. `screen` names the top-level start card and Return cards as the console shows
 * them (Connector Builder's "On Demand - Connector Action", "Flow Control - Return Outputs", …).
 */
export function buildFlowGraph(flo: Flo, screen: { start?: string; end?: string } = {}): FlowGraph {
  const numbers = new Map<CardInfo, string>();
  const scope = readFlo(flo.data);
  const steps = structure(executionOrder(scope), scope, '', numbers);
  const start = graphOf(scope).start;
  const names = new Map<CardInfo, string>();
  for (const node of steps) {
    const renamed =
      node.card === start ? screen.start : node.card.tail === 'control:return' ? screen.end : undefined;
    if (renamed) {
      node.name = renamed;
      node.type = renamed;
    }
  }
  const nodes = flattenGraph(steps);
  for (const node of nodes) names.set(node.card, node.name);
  return {
    floId: flo.id,
    name: flo.name,
    description: flo.description,
    steps,
    nodes,
    start,
    scope,
    numbers,
    names,
  };
}

/** Every visible card of the graph, depth first, in step order. */
export function flattenGraph(steps: readonly GraphNode[]): GraphNode[] {
  const out: GraphNode[] = [];
  const walk = (list: readonly GraphNode[]) => {
    for (const node of list) {
      out.push(node);
      for (const lane of node.lanes) walk(lane.steps);
    }
  };
  walk(steps);
  return out;
}

/** Path cards, If/Else branch heads and the start card of an inline flo are not shown in the console. */
function isHidden(card: CardInfo, scope: Scope, graph: ScopeGraph): boolean {
  return (
    card.model?.displayed === false || graph.heads.has(card.uuid) || (scope.inline && card === graph.start)
  );
}

function structure(
  ordered: CardInfo[],
  scope: Scope,
  prefix: string,
  numbers: Map<CardInfo, string>,
): GraphNode[] {
  const consumed = new Set<CardInfo>();
  const steps: GraphNode[] = [];
  const graph = graphOf(scope);
  for (let i = 0; i < ordered.length; i++) {
    const card = ordered[i]!;
    if (consumed.has(card) || isHidden(card, scope, graph)) continue;
    const number = `${prefix}${steps.length + 1}`;
    numbers.set(card, number);
    const lanes: GraphLane[] = [];
    const heads = card.card.branches ? Object.entries(card.card.branches) : [];
    if (heads.length > 0) {
      const rest = ordered.slice(i + 1).filter((c) => !consumed.has(c));
      for (const lane of branchLanes(heads, rest, scope)) {
        for (const c of lane.cards) consumed.add(c);
        const inLane = structure(lane.cards, scope, `${number}.${lanes.length + 1}.`, numbers);
        lanes.push({ label: lane.label, steps: inLane });
      }
    } else {
      for (const inline of inlineFlows(card)) {
        const inner = readInline(card, inline);
        const inLane = structure(executionOrder(inner), inner, `${number}.${lanes.length + 1}.`, numbers);
        lanes.push({ label: inlineLabel(inline, 'sheet'), steps: inLane });
      }
    }
    // Made whole, its lanes built by push: a node whose lanes came from Array.prototype.map (holey or packed,
    // depending on whether map itself was optimized) made the SVG drawer's optimized code throw itself away.
    steps.push({ card, number, name: card.name, type: typeNameOf(card.address), lanes });
  }
  return steps;
}

/** cardTypeName by address: a connector has a few dozen kinds of card, each on thousands of flows. */
const typeNameOf = boundedMemo(cardTypeName);

/** If/Else: each lane is what its branch head reaches before the first card both heads reach (the Join). */
function branchLanes(
  heads: Array<[string, boolean]>,
  rest: CardInfo[],
  scope: Scope,
): Array<{ label: string; cards: CardInfo[] }> {
  const next = new Map<string, string[]>();
  for (const { from, to } of graphOf(scope).edges) {
    if (from !== to) next.set(from, [...(next.get(from) ?? []), to]);
  }
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      const id = stack.pop() as string;
      for (const to of next.get(id) ?? []) if (!seen.has(to)) (seen.add(to), stack.push(to));
    }
    return seen;
  };
  const sorted = [...heads].sort((a, b) => Number(b[1]) - Number(a[1]));
  const reached = sorted.map(([head]) => reach(head));
  const join = rest.find((c) => reached.every((r) => r.has(c.uuid)));
  const after = join ? new Set([join.uuid, ...reach(join.uuid)]) : new Set<string>();
  return sorted.map(([, value], k) => ({
    label: value ? 'True' : 'False',
    cards: rest.filter((c) => reached[k]?.has(c.uuid) && !after.has(c.uuid)),
  }));
}
