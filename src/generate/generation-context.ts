import { IdFactory } from '../flopack/builder/index.js';
import {
  CONNECTION_INPUT_KEY,
  CONNECTION_INPUT_LABEL,
  HELPER_INPUTS,
  HELPER_OUTPUTS,
  RAW_BODY_INPUT,
} from '../connector/contract.js';
import type { CalledField, FieldSpec } from '../flopack/builder/index.js';
import type { IoType } from '../flopack/types.js';
import type { ConnectorSpec } from '../spec/types.js';
import { authConnectionKeys } from '../spec/auth-types.js';

/** Shared state of one connector build: the spec, the id source, the folder and the helper's flo id. */
export class GenerationContext {
  readonly ids = new IdFactory();
  readonly groupId: string;
  readonly helperFloId: string;

  constructor(readonly spec: ConnectorSpec) {
    this.groupId = this.ids.uuid(`${spec.name}/group`);
    this.helperFloId = this.floId('httpHelper');
  }

  floId(flowName: string): string {
    return this.ids.uuid(`${this.spec.name}/${flowName}/flo`);
  }

  namespace(flowName: string): string {
    return `${this.spec.name}/${flowName}`;
  }

  /** Keys of the connection object: each method's auth fields and config values, then every connection parameter. */
  connectionKeys(): string[] {
    const keys = authConnectionKeys(this.spec);
    for (const p of this.spec.connectionParameters ?? []) if (!keys.includes(p.key)) keys.push(p.key);
    return keys;
  }

  /** The `auth` start-card field (contract CONNECTION_INPUT_KEY): an object typed by its keys, never a value. */
  connectionField(): FieldSpec {
    const type: Record<string, unknown> = {};
    for (const key of this.connectionKeys()) type[key] = { type: 'string', collection: false };
    return {
      key: CONNECTION_INPUT_KEY,
      type: Object.keys(type).length ? type : 'object',
      data: {},
      metadata: { displayname: CONNECTION_INPUT_LABEL },
    };
  }

  connectionType(): IoType {
    return this.connectionField().type ?? 'object';
  }

  /** What Call Flow httpHelper passes and gets back. */
  helperSignature(): { floId: string; inputs: CalledField[]; outputs: CalledField[] } {
    return {
      floId: this.helperFloId,
      inputs: [
        { key: CONNECTION_INPUT_KEY, type: this.connectionType() },
        { key: HELPER_INPUTS.relativeUrl, type: 'string' },
        { key: HELPER_INPUTS.method, type: 'string' },
        { key: HELPER_INPUTS.query, type: 'object' },
        { key: HELPER_INPUTS.headers, type: 'object' },
        { key: HELPER_INPUTS.body, type: 'object' },
        { key: RAW_BODY_INPUT, type: 'string' },
      ],
      outputs: [
        { key: HELPER_OUTPUTS.statusCode, type: 'number' },
        { key: HELPER_OUTPUTS.headers, type: 'object' },
        { key: HELPER_OUTPUTS.body, type: 'object' },
        { key: HELPER_OUTPUTS.errorMessage, type: 'string' },
      ],
    };
  }
}
