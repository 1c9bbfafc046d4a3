// The `?lazy` suffix (see vite.config.ts) makes these a module of their own, placed in the desk's chunk: importing the plain
// `fr.json` here would pull the desk's texts into the public bundle, which imports that module too.
import { desk as enDesk, roles as enRoles, signIn as enSignIn } from '../../locales/en.json?lazy';
import { desk as frDesk, roles as frRoles, signIn as frSignIn } from '../../locales/fr.json?lazy';
import { addCatalogue } from '../../shared/i18n/i18n';

// The staff pages' texts, added when the first staff chunk loads; public pages never download them.
addCatalogue({
  fr: { desk: frDesk, roles: frRoles, signIn: frSignIn },
  en: { desk: enDesk, roles: enRoles, signIn: enSignIn },
});
