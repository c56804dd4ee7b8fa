export * from './reference.ts';
export * from './accounts.ts';
export * from './assessments.ts';
export * from './platforms.ts';
export * from './ocop.ts';
export * from './indicators.ts';
export * from './secrets.ts';
export * from './changes.ts';
