export * from './reference.ts';
export * from './accounts.ts';
export * from './assessments.ts';
