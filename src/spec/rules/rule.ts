import type { Severity } from '../../diagnostics/diagnostic.js';
import type { ConnectorSpec } from '../types.js';

/** A finding before it is located in the source file. */
export interface RuleFinding {
  code: string;
  severity: Severity;
  pointer: string;
  message: string;
  hint?: string;
}

export interface RuleContext {
  /** Structurally valid (the schema pass succeeded), so rules may trust the shape. */
  spec: ConnectorSpec;
  /** Folder of the spec file, for relative paths such as the icon. */
  specDir: string;
}

/** One semantic rule: its codes are defined in its own file and nowhere else. */
export interface SpecRule {
  /** Short kebab name, used in tests and docs. */
  name: string;
  codes: readonly string[];
  description: string;
  check(ctx: RuleContext): RuleFinding[];
}
