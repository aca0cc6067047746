import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { ConnectorSpec } from '../../src/spec/types.js';
import { repoRoot, scratchDir } from './spawn.js';

const WORDS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet'];

/** A unique action name made of letters only (Okta allows letters, numbers and spaces). */
function nameFor(i: number): string {
  const parts: string[] = [];
  let n = i;
  do {
    parts.push(WORDS[n % 10]!);
    n = Math.floor(n / 10);
  } while (n > 0);
  return `Send ${parts.join(' ')}`;
}

/** The Twilio spec with its actions repeated under new names until there are `actions` of them. */
export function syntheticSpec(actions: number): ConnectorSpec {
  const twilio = parse(
    readFileSync(join(repoRoot, 'connectors/twilio/connector.yaml'), 'utf8'),
  ) as ConnectorSpec;
  const templates = twilio.actions;
  return {
    ...twilio,
    name: 'synthetic',
    actions: Array.from({ length: actions }, (_, i) => ({
      ...templates[i % templates.length]!,
      name: nameFor(i),
    })),
  };
}

/** Written as JSON (what a program generating a spec would write) or as YAML (what a person writes). */
export function writeSyntheticSpec(actions: number, format: 'json' | 'yaml' = 'json'): string {
  const path = join(scratchDir(), `synthetic-${actions}.${format}`);
  const spec = syntheticSpec(actions);
  writeFileSync(
    path,
    format === 'json' ? JSON.stringify(spec, null, 2) : stringify(spec, { aliasDuplicateObjects: false }),
  );
  return path;
}
