export * from './reference.ts';
export * from './accounts.ts';
