export * from './knowledge.js';
export * from './tool.js';
export * from './draft.js';
export * from './verdict.js';
export * from './rendered.js';
export * from './sample.js';
