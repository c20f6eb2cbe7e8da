import { nameKey } from '../normalise.js';
import type { Repair } from './resolve.js';
import type { KnowledgeTree, TreeNode } from './tree.js';

/** A node this round will add. Drafts are merged and regrouped in memory; only the survivors are written. */
export interface DraftNode {
  draft: true;
  key: string;
  name: string;
  parent: Parent;
  kids: Map<string, DraftNode>;
  /** Other names it was proposed under (merged near-duplicates). */
  aliases: Set<string>;
  /** Candidates resolved to it, including those of drafts merged into it. */
  support: number;
  description?: string;
  /** Created by clustering to group new siblings, not proposed by any candidate. */
  intermediate: boolean;
  mergedInto?: Target;
}

export type Target = TreeNode | DraftNode;
export type Parent = Target | null;

export const isDraft = (t: Target | null): t is DraftNode => t !== null && 'draft' in t;

/** The forest of new nodes hanging off the stored tree (or off nothing: new domains). */
export class Drafts {
  private readonly under = new Map<TreeNode | null, Map<string, DraftNode>>();
  /** New aliases for stored nodes, from drafts merged into them. */
  readonly storedAliases = new Map<TreeNode, Set<string>>();

  constructor(
    private readonly tree: KnowledgeTree,
    private readonly maxDepth: number,
  ) {}

  kidsOf(p: Parent): Map<string, DraftNode> {
    if (isDraft(p)) return p.kids;
    let m = this.under.get(p);
    if (!m) this.under.set(p, (m = new Map()));
    return m;
  }

  levelOf(p: Parent): number {
    if (p === null) return 0;
    return isDraft(p) ? this.levelOf(p.parent) + 1 : p.level;
  }

  pathOf(t: Target): string[] {
    return isDraft(t) ? [...(t.parent ? this.pathOf(t.parent) : []), t.name] : t.path;
  }

  /** Where a target ended up after merges. */
  final(t: Target): Target {
    while (isDraft(t) && t.mergedInto) t = t.mergedInto;
    return t;
  }

  /**
   * Adds new segments under `parent`, reusing nodes (stored or draft) with the same name key, and returns
   * the node of the last segment. Paths deeper than maxDepth keep their first segments and the last one.
   */
  addChain(parent: Parent, segments: readonly string[], description?: string): { target: Target; repairs: Repair[] } {
    const repairs: Repair[] = [];
    let at = parent;
    while (at !== null && this.levelOf(at) >= this.maxDepth) at = at.parent;
    if (at !== parent) repairs.push({ code: 'collapsed-to-max-depth', detail: `"${this.pathOf(parent!).join(' > ')}" is at the depth limit; placed beside it` });
    let segs = [...segments];
    const room = this.maxDepth - this.levelOf(at);
    if (segs.length > room) {
      repairs.push({ code: 'collapsed-to-max-depth', detail: `dropped "${segs.slice(room - 1, -1).join(' > ')}" to stay within ${this.maxDepth} levels` });
      segs = [...segs.slice(0, room - 1), segs.at(-1)!];
    }
    let target: Target | null = at;
    for (const [i, name] of segs.entries()) {
      const key = nameKey(name);
      const stored = isDraft(target) ? undefined : this.tree.child(target, key);
      if (stored) {
        target = stored;
        continue;
      }
      const kids = this.kidsOf(target);
      let d = kids.get(key);
      if (!d) {
        d = { draft: true, key, name, parent: target, kids: new Map(), aliases: new Set(), support: 0, intermediate: false };
        kids.set(key, d);
      }
      if (i === segs.length - 1 && description && !d.description) d.description = description;
      target = d;
    }
    if (isDraft(target)) target.support++;
    return { target: target!, repairs };
  }

  /** Merges a draft into another node of the same level; its children follow, merging by name key. */
  merge(src: DraftNode, dst: Target): void {
    const kids = this.kidsOf(src.parent);
    if (kids.get(src.key) === src) kids.delete(src.key);
    src.mergedInto = dst;
    const names = [src.name, ...src.aliases];
    if (isDraft(dst)) {
      dst.support += src.support;
      for (const n of names) if (nameKey(n) !== dst.key) dst.aliases.add(n);
      if (!dst.description && src.description) dst.description = src.description;
    } else {
      const known = new Set([dst.name, ...dst.aliases].map(nameKey));
      let set = this.storedAliases.get(dst);
      for (const n of names) {
        if (known.has(nameKey(n))) continue;
        if (!set) this.storedAliases.set(dst, (set = new Set()));
        set.add(n);
      }
    }
    for (const kid of [...src.kids.values()]) {
      src.kids.delete(kid.key);
      const stored = isDraft(dst) ? undefined : this.tree.child(dst, kid.key);
      const twin = stored ?? this.kidsOf(dst).get(kid.key);
      if (twin) {
        kid.parent = src;
        this.merge(kid, twin);
      } else {
        kid.parent = dst;
        this.kidsOf(dst).set(kid.key, kid);
      }
    }
  }

  /** Inserts an intermediate node under `parent` and moves `members` (drafts under it) below it. */
  group(parent: Parent, name: string, members: readonly DraftNode[]): DraftNode {
    const kids = this.kidsOf(parent);
    const node: DraftNode = { draft: true, key: nameKey(name), name, parent, kids: new Map(), aliases: new Set(), support: 0, intermediate: true };
    for (const m of members) {
      kids.delete(m.key);
      m.parent = node;
      node.kids.set(m.key, m);
    }
    kids.set(node.key, node);
    return node;
  }

  /** Parents (stored or new) that have new children. */
  parents(): Parent[] {
    const out: Parent[] = [];
    for (const [p, kids] of this.under) if (kids.size > 0) out.push(p);
    for (const d of this.live()) if (d.kids.size > 0) out.push(d);
    return out;
  }

  /** Every surviving draft, parents before children. */
  live(): DraftNode[] {
    const out: DraftNode[] = [];
    const queue: DraftNode[] = [];
    for (const kids of this.under.values()) queue.push(...[...kids.values()].sort(byKey));
    for (let i = 0; i < queue.length; i++) {
      const d = queue[i]!;
      out.push(d);
      queue.push(...[...d.kids.values()].sort(byKey));
    }
    return out;
  }
}

const byKey = (a: DraftNode, b: DraftNode) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
