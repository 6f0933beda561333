export * from './roles';
export * from './limits';
export * from './password';
export * from './spaces';
export * from './threads';
export * from './ideas';
export * from './moderation';
export * from './tone';
