export * from './issue.js';
export * from './levels.js';
export * from './tumor-type.js';
export * from './alteration.js';
export * from './case.js';
export * from './evidence.js';
export * from './annotation.js';
export * from './trial.js';
