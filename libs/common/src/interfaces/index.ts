export * from './admin.interface';
export * from './api-error.interface';
export * from './appeal.interface';
export * from './duplicates.interface';
export * from './inbox.interface';
export * from './records.interface';
export * from './staff.interface';
export * from './tip.interface';
