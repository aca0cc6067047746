import { child, isObj, kernelTail, objOr, quote, str } from './json.js';
import type { CardInfo, Finding, IoInfo, Json, LintContext, Scope, TopFlow } from './types.js';

export type LintModel = Omit<LintContext, 'report' | 'connector'>;

/**
 * Indexes a flopack once: flows, inline flo scopes, cards and their IO fields, each with its JSON pointer and a
 * human `where`. Never throws: shapes that do not fit are recorded in `structure` and skipped.
 */
export function buildModel(root: unknown): LintModel {
  const structure: Finding[] = [];
  const data = isObj(root) && isObj(root.data) ? root.data : undefined;
  const flos = isObj(data?.flos) ? data.flos : {};
  const model: LintModel = {
    root,
    data,
    flos,
    configs: objOr(data?.configs),
    tables: objOr(data?.tables),
    groups: objOr(data?.groups),
    flows: [],
    scopes: [],
    structure,
  };
  // Inline flos already indexed: YAML anchors can make a flo contain itself, which must not loop forever.
  const seen = new WeakSet<object>();
  for (const [id, flo] of Object.entries(flos)) {
    const pointer = child('/data/flos', id);
    if (!isObj(flo)) {
      structure.push({ message: `flow ${id} is not an object`, pointer });
      continue;
    }
    const name = str(flo.name) ?? id;
    const flow: TopFlow = { id, name, raw: flo, pointer, scope: undefined };
    model.flows.push(flow);
    if (!isObj(flo.data)) {
      structure.push({ message: 'the flow has no `data` object', pointer, where: `flow ${quote(name)}` });
      continue;
    }
    flow.scope = indexScope(model, seen, {
      flowId: id,
      flowName: name,
      inline: false,
      data: flo.data,
      pointer: child(pointer, 'data'),
      where: `flow ${quote(name)}`,
    });
  }
  return model;
}

type ScopeHead = Omit<Scope, 'cards' | 'cardsById'>;

function indexScope(model: LintModel, seen: WeakSet<object>, head: ScopeHead): Scope {
  seen.add(head.data);
  const scope: Scope = { ...head, cards: [], cardsById: new Map() };
  model.scopes.push(scope);
  const methods = scope.data.methods;
  if (!Array.isArray(methods)) {
    model.structure.push({
      message: '`methods` (the list of cards) is missing or not a list',
      pointer: child(scope.pointer, 'methods'),
      where: scope.where,
    });
    return scope;
  }
  const nested: Array<() => void> = [];
  methods.forEach((raw: unknown, index) => {
    const pointer = child(child(scope.pointer, 'methods'), index);
    if (!isObj(raw)) {
      model.structure.push({ message: `card #${index + 1} is not an object`, pointer, where: scope.where });
      return;
    }
    const card = indexCard(raw, pointer, scope);
    scope.cards.push(card);
    if (!scope.cardsById.has(card.uuid)) scope.cardsById.set(card.uuid, card);
    nested.push(() => indexInlineFlos(model, seen, card));
  });
  finishNames(scope);
  // Inline scopes come after their parent's cards so `where` labels and report order read top-down.
  for (const visit of nested) visit();
  return scope;
}

function indexCard(raw: Json, pointer: string, scope: Scope): CardInfo {
  const node = objOr(raw.node);
  const model = isObj(node.model) ? node.model : undefined;
  const uuid = str(raw.uuid) ?? '?';
  const address = str(raw.address) ?? '';
  const stored =
    str(objOr(node.data).name) ?? str(objOr(model?.metadata).name) ?? address.split(':').pop() ?? '?';
  const card: CardInfo = {
    uuid,
    name: stored,
    address,
    raw,
    model,
    inputs: new Map(),
    outputs: new Map(),
    pointer,
    where: '',
    scope,
  };
  for (const side of ['input', 'output'] as const) {
    const coll = objOr(model?.[`${side}s`]).data;
    if (!isObj(coll)) continue;
    const base = `${pointer}/node/model/${side}s`;
    for (const [id, io] of Object.entries(coll)) {
      if (!isObj(io)) continue;
      const info: IoInfo = {
        id,
        side,
        key: str(io.key) ?? '',
        group: str(io.group) ?? null,
        raw: io,
        value: isObj(io.value) ? io.value : undefined,
        pointer: child(child(base, 'data'), id),
      };
      (side === 'input' ? card.inputs : card.outputs).set(id, info);
    }
  }
  return card;
}

/** Names the hidden `object:expand` cards after their source, since their stored name is a card uuid. */
function finishNames(scope: Scope): void {
  for (const card of scope.cards) {
    if (kernelTail(card.address) === 'object:expand') {
      const source = scope.cardsById.get(card.name);
      if (source && source !== card) card.name = `path of ${source.name}`;
    }
    card.where = `${scope.where} › card ${quote(card.name)} (${card.uuid})`;
  }
}

function indexInlineFlos(model: LintModel, seen: WeakSet<object>, card: CardInfo): void {
  const tail = kernelTail(card.address);
  for (const io of card.inputs.values()) {
    if (io.value?.type !== 'flo' || !isObj(io.value.data)) continue;
    const label =
      tail === 'control:tryCatch'
        ? 'try'
        : tail === 'control:branch'
          ? io.group === 'if' || io.group === 'else'
            ? io.group
            : 'else if'
          : tail?.startsWith('list:')
            ? 'child flow'
            : 'inline flo';
    indexInline(model, seen, card, io.value.data, child(child(io.pointer, 'value'), 'data'), label);
  }
  const error = objOr(objOr(card.model?.policy).error);
  if (isObj(error.flo)) {
    indexInline(model, seen, card, error.flo, `${card.pointer}/node/model/policy/error/flo`, 'on error');
  }
}

function indexInline(
  model: LintModel,
  seen: WeakSet<object>,
  owner: CardInfo,
  data: Json,
  pointer: string,
  label: string,
): void {
  if (seen.has(data)) {
    model.structure.push({ message: 'an inline flo contains itself', pointer, where: owner.where });
    return;
  }
  indexScope(model, seen, {
    flowId: owner.scope.flowId,
    flowName: owner.scope.flowName,
    inline: true,
    data,
    pointer,
    where: `${owner.where} › ${label}`,
    owner,
  });
}
