export * from './dtos';
export * from './enums';
export * from './interfaces';
export * from './limits';
export * from './localized';
export * from './wording/appeal-wording';
export * from './wording/public-dates';
export * from './wording/subject-vocabulary';
