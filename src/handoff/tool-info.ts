import { readFileSync } from 'node:fs';
import { packageRoot } from '../util/paths.js';

export interface ToolInfo {
  name: string;
  version: string;
}

let cached: ToolInfo | undefined;

/** This tool's name and version from package.json (read once). */
export function toolInfo(): ToolInfo {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as ToolInfo;
    cached = { name: pkg.name, version: pkg.version };
  }
  return cached;
}
