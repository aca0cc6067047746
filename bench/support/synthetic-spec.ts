import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
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

export function writeSyntheticSpec(actions: number): string {
  const path = join(scratchDir(), `synthetic-${actions}.yaml`);
  writeFileSync(path, stringify(syntheticSpec(actions), { aliasDuplicateObjects: false }));
  return path;
}
