export * from './appeal.enum';
export * from './locale.enum';
export * from './staff-role.enum';
export * from './tip.enum';
export * from './observable.enum';
export * from './forward.enum';
