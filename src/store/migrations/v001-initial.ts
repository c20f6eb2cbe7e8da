import type { Migration } from './types.js';

/** Version 1: rounds, knowledge nodes, tools, samples, verdicts, LLM cache and usage, failures, embeddings, candidates. */
export const v001: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('planned','running','evolving','done','failed','interrupted')),
        seed INTEGER NOT NULL,
        plan_json TEXT,
        config_json TEXT,
        report_json TEXT,
        started_at TEXT,
        finished_at TEXT
      );

      CREATE TABLE knowledge_nodes (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        path_key TEXT NOT NULL UNIQUE,
        path_json TEXT NOT NULL,
        parent_id TEXT REFERENCES knowledge_nodes(id),
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 7),
        domain TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('seed','imported','generated')),
        round_added INTEGER NOT NULL DEFAULT 0,
        aliases_json TEXT NOT NULL DEFAULT '[]',
        description TEXT,
        embedding BLOB
      );
      CREATE INDEX knowledge_parent ON knowledge_nodes(parent_id);
      CREATE INDEX knowledge_domain ON knowledge_nodes(domain, level);

      CREATE TABLE tools (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL,
        category TEXT,
        source TEXT NOT NULL CHECK (source IN ('seed','imported','generated')),
        round_added INTEGER NOT NULL DEFAULT 0,
        uses INTEGER NOT NULL DEFAULT 0,
        aliases_json TEXT NOT NULL DEFAULT '[]',
        embedding BLOB
      );

      CREATE TABLE samples (
        id TEXT PRIMARY KEY,
        round INTEGER NOT NULL,
        parent_id TEXT,
        root_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('base','repaired','expanded','robustness')),
        depth INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 3),
        status TEXT NOT NULL CHECK (status IN ('pending','accepted','rejected','failed')),
        domain TEXT,
        difficulty TEXT,
        problem_type TEXT,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        score_min INTEGER,
        draft_json TEXT NOT NULL,
        images_json TEXT,
        elements_json TEXT NOT NULL DEFAULT '[]',
        provenance_json TEXT NOT NULL,
        recovery_json TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
      );
      CREATE INDEX samples_round ON samples(round, status);
      CREATE INDEX samples_parent ON samples(parent_id);
      CREATE INDEX samples_filter ON samples(status, kind, domain, depth);

      CREATE TABLE verdicts (
        sample_id TEXT NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
        checker TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
        pass INTEGER NOT NULL CHECK (pass IN (0,1)),
        reasons_json TEXT NOT NULL,
        PRIMARY KEY (sample_id, checker)
      );

      CREATE TABLE llm_cache (
        key TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        model TEXT NOT NULL,
        request_json TEXT NOT NULL,
        response_text TEXT NOT NULL,
        prompt_tokens INTEGER NOT NULL DEFAULT 0,
        completion_tokens INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );

      CREATE TABLE llm_usage (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        round INTEGER,
        sample_id TEXT,
        role TEXT NOT NULL,
        model TEXT NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        cost REAL NOT NULL,
        cached INTEGER NOT NULL CHECK (cached IN (0,1)),
        created_at TEXT NOT NULL
      );
      CREATE INDEX llm_usage_round ON llm_usage(round, role);

      CREATE TABLE failures (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        round INTEGER,
        sample_id TEXT,
        job_id TEXT,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        message TEXT NOT NULL,
        attempt INTEGER NOT NULL DEFAULT 1,
        detail_json TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX failures_round ON failures(round, stage, reason);

      CREATE TABLE embedding_cache (
        model TEXT NOT NULL,
        text TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (model, text)
      );

      CREATE TABLE knowledge_candidates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        round INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('knowledge','tool')),
        name TEXT NOT NULL,
        path_json TEXT,
        description TEXT,
        sample_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending','added','merged','rejected')),
        node_id TEXT,
        reason TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX candidates_round ON knowledge_candidates(round, kind, status);
    `,
};
