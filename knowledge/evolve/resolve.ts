import { nameKey } from '../normalise.js';
import { isAncestor, type KnowledgeTree, type TreeNode } from './tree.js';

/** A deterministic repair applied to a candidate's path, recorded on the candidate and counted in the report. */
export interface Repair {
  code: 're-anchored' | 'skipped-levels' | 'path-contradicts-tree' | 'collapsed-to-max-depth' | 'placed-by-similarity';
  detail: string;
}

export type Resolution =
  /** Every segment names an existing node: the candidate merges into the last one. */
  | { kind: 'existing'; node: TreeNode; repairs: Repair[] }
  /** The path leaves the tree below `parent` (a new domain when null): `segments` are new nodes. */
  | { kind: 'new'; parent: TreeNode | null; segments: string[]; repairs: Repair[] }
  /** No segment could be matched by name: placement falls to embedding similarity. */
  | { kind: 'unanchored'; segments: string[]; repairs: Repair[] };

const show = (path: readonly string[]) => path.join(' > ');

/**
 * Resolves a cleaned path against the tree by names (and aliases), trusting the tree over the author:
 * - a path whose root is unknown is re-anchored at its deepest inner segment that names exactly one node
 *   (or, when none does, merges into the one node its last segment names);
 * - a segment found further down under the current node means the author skipped levels;
 * - an inner segment that names exactly one node elsewhere contradicts the tree: the tree's place wins.
 * The last segment (the knowledge point itself) is only matched below where its path leads.
 */
export function resolvePath(tree: KnowledgeTree, segments: readonly string[]): Resolution {
  const repairs: Repair[] = [];
  const keys = segments.map(nameKey);
  const last = segments.length - 1;
  if (last === 0) {
    const hit = tree.uniqueNamed(keys[0]!);
    return hit ? { kind: 'existing', node: hit, repairs } : { kind: 'unanchored', segments: [...segments], repairs };
  }
  let parent = tree.child(null, keys[0]!);
  let i = 1;
  if (!parent) {
    for (let j = last - 1; j >= 0 && !parent; j--) {
      const hit = tree.uniqueNamed(keys[j]!);
      if (!hit) continue;
      parent = hit;
      i = j + 1;
      repairs.push({ code: 're-anchored', detail: `"${show(segments.slice(0, j + 1))}" is not in the tree; placed under "${show(hit.path)}"` });
    }
    if (!parent) {
      const same = tree.uniqueNamed(keys[last]!);
      if (!same) return { kind: 'unanchored', segments: [...segments], repairs };
      repairs.push({ code: 're-anchored', detail: `"${show(segments.slice(0, -1))}" is not in the tree, but "${segments[last]}" is: "${show(same.path)}"` });
      return { kind: 'existing', node: same, repairs };
    }
  }
  for (; i <= last; i++) {
    const key = keys[i]!;
    const child = tree.child(parent, key);
    if (child) {
      parent = child;
      continue;
    }
    const below = tree.uniqueDescendant(parent, key);
    if (below) {
      repairs.push({ code: 'skipped-levels', detail: `"${segments[i]}" is at "${show(below.path)}"` });
      parent = below;
      continue;
    }
    if (i < last) {
      const elsewhere = tree.uniqueNamed(key);
      if (elsewhere && !isAncestor(elsewhere, parent)) {
        repairs.push({
          code: 'path-contradicts-tree',
          detail: `the path puts "${segments[i]}" under "${show(parent.path)}" but the tree has it at "${show(elsewhere.path)}"; the tree wins`,
        });
        parent = elsewhere;
        continue;
      }
    }
    break;
  }
  if (i > last) return { kind: 'existing', node: parent, repairs };
  return { kind: 'new', parent, segments: segments.slice(i), repairs };
}
