import type { Db } from '../../store/db.js';
import { knowledgeTree, type TreeNode } from '../../store/dashboard-knowledge.js';
import { listTools } from '../../store/tools.js';
import { href, html, type Html } from '../html.js';

function added(n: { source: string; roundAdded: number }): Html {
  return n.roundAdded === 0 ? html`<span class="pill seed">${n.source}</span>` : html`<span class="pill generated">round ${n.roundAdded}</span>`;
}

function renderNode(n: TreeNode, children: Map<string | null, TreeNode[]>): Html {
  const kids = children.get(n.id) ?? [];
  const label = html`<span class="name">${n.name}</span>
<span class="count" data-count="children">${n.children} children</span>
<a class="count" data-count="accepted" href="${href('/samples', { node: n.id, status: 'accepted' })}">${n.accepted} accepted</a> ${added(n)}`;
  const attrs = html`data-node="${n.id}" data-level="${n.level}" data-children="${n.children}" data-accepted="${n.accepted}" data-round="${n.roundAdded}"`;
  if (!kids.length) return html`<li class="node leaf" ${attrs}>${label}</li>`;
  return html`<li class="node" ${attrs}><details><summary>${label}</summary><ul>${kids.map((k) => renderNode(k, children))}</ul></details></li>`;
}

export function knowledgePage(db: Db): Html {
  const nodes = knowledgeTree(db);
  const children = new Map<string | null, TreeNode[]>();
  for (const n of nodes) {
    const siblings = children.get(n.parentId);
    if (siblings) siblings.push(n);
    else children.set(n.parentId, [n]);
  }
  const roots = children.get(null) ?? [];
  const generated = nodes.filter((n) => n.roundAdded > 0).length;
  const tools = listTools(db);
  const toolRows = tools.map(
    (t) => html`<tr data-tool="${t.id}"><td>${t.name}</td><td>${t.description}</td><td>${t.category ?? ''}</td><td>${added(t)}</td><td>${t.uses}</td></tr>`,
  );
  return html`<h1>Knowledge</h1>
<p id="knowledge-summary" data-nodes="${nodes.length}" data-domains="${roots.length}">${nodes.length} nodes in ${roots.length} domains, ${generated} added by rounds; ${tools.length} tools.</p>
<p><button type="button" data-tree="expand">Expand all</button> <button type="button" data-tree="collapse">Collapse all</button></p>
<ul class="tree" id="tree">${roots.map((r) => renderNode(r, children))}</ul>
<h2>Visual tools</h2><table class="tools"><thead><tr><th>Name</th><th>Description</th><th>Category</th><th>Added</th><th>Uses</th></tr></thead><tbody>${toolRows}</tbody></table>`;
}
