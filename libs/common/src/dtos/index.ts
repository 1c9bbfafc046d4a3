export * from './login.dto';
