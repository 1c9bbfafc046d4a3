export * from './locale.enum';
export * from './staff-role.enum';
