export * from './admin.dto';
export * from './appeal.dto';
export * from './inbox.dto';
export * from './localized-text.dto';
export * from './login.dto';
export * from './tip.dto';
export * from './sso.dto';
export * from './forward.dto';
