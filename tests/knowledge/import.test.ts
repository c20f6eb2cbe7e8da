import { afterEach, describe, expect, it } from 'vitest';
import { importSeeds, loadSeeds } from '../../seeds/load.js';
import { getNodeByPath, listNodes } from '../../src/store/knowledge.js';
import { importHierarchy, knowledgeExportRows } from '../../knowledge/index.js';
import { freshStore, treeProblems } from './support.js';

describe('importHierarchy', () => {
  const stores: ReturnType<typeof freshStore>[] = [];
  const open = () => {
    const s = freshStore();
    stores.push(s);
    return s.db;
  };
  afterEach(() => stores.splice(0).forEach((s) => s.cleanup()));

  it('round-trips the export: the same nodes, paths, aliases and descriptions', () => {
    const source = open();
    importSeeds(source, loadSeeds());
    const rows = [...knowledgeExportRows(source)];
    const target = open();
    const r = importHierarchy(target, rows);
    expect(r).toMatchObject({ rows: rows.length, created: rows.length, rejected: [], repaired: [] });
    const strip = (db: typeof source) => listNodes(db).map(({ source: _s, ...n }) => n);
    expect(strip(target)).toEqual(strip(source));
    expect(importHierarchy(target, rows).created).toBe(0);
  });

  it('rejects cycles, conflicting duplicate ids, unknown parents and over-deep rows with reasons, and imports the rest', () => {
    const db = open();
    importSeeds(db, loadSeeds());
    const storedParent = getNodeByPath(db, ['Plane Geometry', 'Circles'])!;
    const deep = Array.from({ length: 8 }, (_, i) => ({ id: `d${i}`, parentId: i === 0 ? null : `d${i - 1}`, name: `Depth ${i + 1}` }));
    const rows: unknown[] = [
      { id: 'root', parentId: null, name: 'Music Theory' },
      { id: 'rhythm', parentId: 'root', name: 'Rhythm', aliases: ['节奏'] },
      { id: 'x', parentId: 'y', name: 'Cycle X' },
      { id: 'y', parentId: 'x', name: 'Cycle Y' },
      { id: 'self', parentId: 'self', name: 'Own parent' },
      { id: 'under-cycle', parentId: 'x', name: 'Below the cycle' },
      { id: 'rhythm', parentId: 'root', name: 'rhythm', aliases: ['tempo'] },
      { id: 'rhythm', parentId: 'root', name: 'Harmony' },
      { id: 'orphan', parentId: 'nowhere', name: 'Orphan' },
      { id: 'grafted', parentId: storedParent.id, name: 'Circle packing' },
      { parentId: null, name: 'No id' },
      { id: 'bad-name', parentId: 'root', name: 'Bad\u0007name' },
      { id: 'twin', parentId: 'root', name: 'RHYTHM' },
      ...deep,
    ];
    const before = listNodes(db).length;
    const r = importHierarchy(db, rows);
    expect(treeProblems(db)).toEqual([]);
    const codes = (list: typeof r.rejected) => list.map((p) => [p.line, p.id, p.code]);
    expect(codes(r.rejected)).toEqual([
      [3, 'x', 'cycle'],
      [4, 'y', 'cycle'],
      [5, 'self', 'cycle'],
      [6, 'under-cycle', 'ancestor-rejected'],
      [8, 'rhythm', 'duplicate-id'],
      [9, 'orphan', 'unknown-parent'],
      [11, null, 'invalid-row'],
      [12, 'bad-name', 'control-characters'],
      [21, 'd7', 'too-deep'],
    ]);
    expect(r.rejected[0]!.detail).toMatch(/x → y → x|y → x → y/);
    expect(codes(r.repaired)).toEqual([
      [7, 'rhythm', 'duplicate-id'],
      [13, 'twin', 'same-path'],
    ]);
    expect(getNodeByPath(db, ['Music Theory', 'Rhythm'])!.aliases).toEqual(['节奏', 'tempo']);
    expect(getNodeByPath(db, [...storedParent.path, 'Circle packing'])?.level).toBe(3);
    expect(getNodeByPath(db, deep.slice(0, 7).map((d) => d.name))?.level).toBe(7);
    expect(listNodes(db).length).toBe(before + 2 + 1 + 7);
    expect(listNodes(db).some((n) => /Cycle|Orphan|Harmony|Below/.test(n.name))).toBe(false);
  });
});
