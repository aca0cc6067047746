import type { Target } from './target.js';

/**
 * A readable inventory of a target: every flow with its start card's inputs, and every card the simulator
 * cannot run (so a user knows before running an export what will stop it).
 */
export async function describeTarget(target: Target): Promise<string> {
  const { inspectFlopack } = await import('../simulate/index.js');
  const inspection = inspectFlopack(target.flopack);
  const lines = [`${target.file}: ${inspection.flows.length} flow(s)`];
  for (const flow of inspection.flows) {
    const inputs = flow.inputs.map((i) => (i.label && i.label !== i.key ? `${i.key} (${i.label})` : i.key));
    lines.push(
      `  "${flow.name}"  start: ${flow.start}${inputs.length ? `  inputs: ${inputs.join(', ')}` : ''}`,
    );
  }
  if (inspection.unsupported.length > 0) {
    lines.push(`cards the simulator cannot run (${inspection.unsupported.length}):`);
    for (const u of inspection.unsupported) lines.push(`  ${u.flow} › "${u.card}" (${u.address}, ${u.uuid})`);
  } else {
    lines.push('every card can be simulated');
  }
  for (const p of inspection.problems) lines.push(`  problem in "${p.flow}": ${p.message}`);
  return lines.join('\n') + '\n';
}

/** The cards of one flow (and the flows it may call, inline branches included) that cannot be simulated. */
export async function unsupportedIn(target: Target, flowName: string): Promise<string[]> {
  const { inspectFlopack } = await import('../simulate/index.js');
  return inspectFlopack(target.flopack)
    .unsupported.filter((u) => u.flow === flowName || u.flow.startsWith(`${flowName} › `))
    .map((u) => `"${u.card}" (${u.address})`);
}
