/** The knowledge system: what the pipeline, the CLI and the dashboard use. */
export type { ClusterNamer, Embedder } from './contracts.js';
export { createOfflineEmbedder } from './embed/offline.js';
export { cachedEmbedder } from './embed/cached.js';
export { createOfflineNamer } from './namer.js';
export { evolve, growthReportFile, type EvolveOptions } from './evolve/run.js';
export type { GrowthReport, CandidateExample, TreeTotals } from './report.js';
export { planRound, type PlanOptions } from './planner.js';
export { writeKnowledgeViews, knowledgeExportRows, type KnowledgeExportRow } from './views.js';
export { importHierarchy, type HierarchyImport, type ImportProblem } from './import.js';
