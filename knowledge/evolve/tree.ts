import type { Db } from '../../src/store/db.js';
import { listNodes } from '../../src/store/knowledge.js';
import { nameKey } from '../normalise.js';

/** A stored knowledge node as evolve sees it: linked to its parent and children, never modified. */
export interface TreeNode {
  id: string;
  name: string;
  path: string[];
  level: number;
  aliases: string[];
  parent: TreeNode | null;
  children: TreeNode[];
  /** Position in path order: a stable tie-breaker. */
  order: number;
}

/** Read-only snapshot of the knowledge tree with name indexes for resolving candidate paths. */
export class KnowledgeTree {
  readonly nodes: TreeNode[] = [];
  readonly roots: TreeNode[] = [];
  private readonly byName = new Map<string, TreeNode[]>();
  private readonly childIndex = new Map<string, TreeNode>();

  static load(db: Db): KnowledgeTree {
    const tree = new KnowledgeTree();
    const byId = new Map<string, TreeNode>();
    const rows = listNodes(db);
    for (const [order, r] of rows.entries()) {
      const node: TreeNode = { id: r.id, name: r.name, path: r.path, level: r.level, aliases: r.aliases, parent: null, children: [], order };
      byId.set(r.id, node);
      tree.nodes.push(node);
    }
    for (const [i, r] of rows.entries()) {
      const node = tree.nodes[i]!;
      node.parent = r.parentId === null ? null : (byId.get(r.parentId) ?? null);
      if (node.parent) node.parent.children.push(node);
      else tree.roots.push(node);
      for (const name of [node.name, ...node.aliases]) {
        const key = nameKey(name);
        if (key === '') continue;
        const list = tree.byName.get(key);
        if (list) {
          if (!list.includes(node)) list.push(node);
        } else tree.byName.set(key, [node]);
        const ck = childKey(node.parent, key);
        if (!tree.childIndex.has(ck)) tree.childIndex.set(ck, node);
      }
    }
    return tree;
  }

  /** The child of `parent` (a root when null) with this name key, by name or alias. */
  child(parent: TreeNode | null, key: string): TreeNode | undefined {
    return this.childIndex.get(childKey(parent, key));
  }

  children(parent: TreeNode | null): TreeNode[] {
    return parent ? parent.children : this.roots;
  }

  /** The only node anywhere with this name key, if exactly one has it. */
  uniqueNamed(key: string): TreeNode | undefined {
    const list = this.byName.get(key);
    return list && list.length === 1 ? list[0] : undefined;
  }

  /** The only node below `ancestor` with this name key, if exactly one has it. */
  uniqueDescendant(ancestor: TreeNode, key: string): TreeNode | undefined {
    const below = (this.byName.get(key) ?? []).filter((n) => isAncestor(ancestor, n));
    return below.length === 1 ? below[0] : undefined;
  }
}

function childKey(parent: TreeNode | null, key: string): string {
  return `${parent ? parent.id : ''}\u0000${key}`;
}

export function isAncestor(ancestor: TreeNode, node: TreeNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}
