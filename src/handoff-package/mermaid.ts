import type { FlowGraph, GraphNode } from './flow-graph.js';

/**
 * A Mermaid `flowchart TD` of a flow graph. Node ids come from step numbers (`n4_1_2`), never from user text;
 * labels go through `mermaidText`, which turns every character Mermaid or Markdown could read as syntax into a
 * `#<code>;` entity, so a card named `"]; click n1 call x` stays a label.
 */
export function toMermaid(graph: FlowGraph): string {
  const lines = ['flowchart TD'];
  const nodes: string[] = [];
  const edges: string[] = [];
  emitSequence(graph.steps, undefined, nodes, edges);
  if (graph.steps.length === 0) nodes.push(`  empty["${mermaidText('(no cards)')}"]`);
  return [...lines, ...nodes, ...edges].join('\n') + '\n';
}

export function mermaidId(node: GraphNode): string {
  const { number } = node;
  return `n${NON_DIGITS.test(number) ? number.replace(/[^0-9]+/g, '_') : number}`;
}

const NON_DIGITS = /[^0-9]/;

function emitSequence(
  steps: readonly GraphNode[],
  after: string | undefined,
  nodes: string[],
  edges: string[],
): void {
  steps.forEach((node, i) => {
    const id = mermaidId(node);
    const next = steps[i + 1] ? mermaidId(steps[i + 1] as GraphNode) : after;
    nodes.push(`  ${id}["${mermaidText(`${node.number}. ${node.name}`)}<br/>${mermaidText(node.type)}"]`);
    if (node.lanes.length === 0) {
      if (next) edges.push(`  ${id} --> ${next}`);
      return;
    }
    for (const lane of node.lanes) {
      const label = `|"${mermaidText(lane.label)}"|`;
      const first = lane.steps[0];
      if (first) {
        edges.push(`  ${id} -->${label} ${mermaidId(first)}`);
        emitSequence(lane.steps, next, nodes, edges);
      } else if (next) {
        edges.push(`  ${id} -->${label} ${next}`);
      }
    }
  });
}

/** Mermaid entity codes (`#35;` for `#`) for anything outside plain letters, digits, spaces and safe punctuation. */
export function mermaidText(text: string): string {
  // Most labels are plain words: one test instead of two replaces (the second a Unicode property scan).
  if (PLAIN.test(text)) return text;
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[^\p{L}\p{N} .,:;!?'/+=@%$^~()-]/gu, (ch) => `#${ch.codePointAt(0)};`);
}

/** Text `mermaidText` leaves as it is, in ASCII: a subset of what its replaces keep. */
const PLAIN = /^[A-Za-z0-9 .,:;!?'/+=@%$^~()-]*$/;
