export * from './api-error.interface';
export * from './staff.interface';
