/**
 * Versioned schema migrations, one file per version under migrations/. Append new versions; never edit
 * one that has shipped. Each runs in its own transaction and bumps PRAGMA user_version.
 */
import type { Migration } from './migrations/types.js';
import { v001 } from './migrations/v001-initial.js';
import { v002 } from './migrations/v002-knowledge-growth.js';
import { v004 } from './migrations/v004-sample-search.js';
import { v005 } from './migrations/v005-pipeline-bookkeeping.js';

export type { Migration };

export const MIGRATIONS: Migration[] = [v001, v002, v004, v005].sort((a, b) => a.version - b.version);

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
