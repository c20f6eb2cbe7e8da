/**
 * Versioned schema migrations, one file per version under migrations/. Append new versions; never edit
 * one that has shipped. Each runs in its own transaction and bumps PRAGMA user_version.
 */
import type { Migration } from './migrations/types.js';
import { v001 } from './migrations/v001-initial.js';

export type { Migration };

export const MIGRATIONS: Migration[] = [v001];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
