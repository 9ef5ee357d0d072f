// @skills/domain — 职业技能评价领域模型. Pure TypeScript, no I/O.
export * from './errors.js';
export * from './skill-level.js';
export * from './certificate-kind.js';
export * from './certificate-number.js';
export * from './school-type.js';
export * from './agency-scope.js';
export * from './region.js';
export * from './occupation-code.js';
export * from './id-number.js';
export * from './credit-code.js';
export * from './roles.js';
export * from './quanzhou.js';
export * from './account-id.js';
export * from './china-time.js';
export * from './candidate.js';
export * from './scoring.js';
