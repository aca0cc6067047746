import { childPointer, isObject, stringOr } from '../../flopack/read/index.js';
import { flowWhere, quote, scopeWhere, show } from '../describe.js';
import { lintRule } from '../types.js';

function notAFolder(folder: unknown): string {
  return `the flow's folder ${show(folder)} is not in \`data.groups\``;
}

/** Reference §1.2 (warning): group paths, table folders and flow folders should name a group in the file. */
export const folderRefRule = lintRule<{ id: string; folder: string }>('OC-FLOPACK-FOLDER-REF', 'warning', {
  description: 'group `path`, table `group_id` and flow `group` refer to folders in `data.groups`',
  check(ctx) {
    const groups = ctx.groups;
    for (const [id, group] of Object.entries(groups)) {
      const path = isObject(group) && isObject(group.data) ? stringOr(group.data.path) : undefined;
      if (path && !(path in groups)) {
        ctx.report({
          message: `folder ${id} has path ${JSON.stringify(path)}, which is not a folder in this file`,
          pointer: childPointer(childPointer(childPointer('/data/groups', id), 'data'), 'path'),
        });
      }
    }
    for (const [id, table] of Object.entries(ctx.tables)) {
      if (!isObject(table)) continue;
      const folder = isObject(table.data) ? table.data.group_id : undefined;
      if (typeof folder !== 'string' || !(folder in groups)) {
        ctx.report({
          message: `table ${quote(stringOr(table.name) ?? id)} is in folder ${show(folder)}, which is not in this file`,
          pointer: childPointer(childPointer(childPointer('/data/tables', id), 'data'), 'group_id'),
        });
      }
    }
    for (const { id, folder } of ctx.notes) {
      if (folder in groups) continue;
      // The flow's own scope: its pointer and where, from its id and name.
      const pointer = childPointer(childPointer(childPointer('/data/flos', id), 'data'), 'group');
      ctx.report({ message: notAFolder(folder), pointer, where: flowWhere(ctx.flows.get(id)!) });
    }
  },
  flow({ flow }, ctx) {
    if (!flow?.scope) return;
    const folder = flow.scope.data.group;
    // Whether the folder is one of data.groups is known once the envelope is.
    if (typeof folder === 'string') ctx.note({ id: flow.id, folder });
    else {
      const pointer = childPointer(flow.scope.pointer, 'group');
      ctx.report({ message: notAFolder(folder), pointer, where: scopeWhere(flow.scope) });
    }
  },
});
