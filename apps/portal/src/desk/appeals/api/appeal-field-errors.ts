import { APPEAL_KIND_RULES, type AppealKind } from '@vigie/common';
import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';

/** Every path the editor shows an error beside: a field, or a group (a text in two languages, a list). */
const PLACEABLE = [
  /^kind$/,
  /^content\.(title|summary|body|caution|expiresAt)$/,
  /^content\.(subjects|vehicles|images)$/,
  /^content\.subjects\.\d+\.(role|name|aliases|sex|race|ageMin|ageMax|heightMinCm|heightMaxCm|weightMinKg|weightMaxKg|hair|eyes|build|description|scarsAndMarks|clothing|languages)$/,
  /^content\.vehicles\.\d+\.(make|model|colour|year|plate|plateRegion)$/,
  /^content\.lastSeen\.(place|latitude|longitude|at)$/,
  /^content\.reward\.(amount|currency|terms|expiresAt)$/,
  /^content\.images\.\d+\.(isComposite|alt)$/,
];

/**
 * The editor's path for a path in an API error map. The validation pipe names DTO paths
 * (`content.title`, `content.subjects.0.ageMax`); the kind rules name content paths (`subjects.0.ageMax`,
 * `expiresAt`); an item of a list (`content.subjects.0.aliases.2`) is shown on the list's input.
 */
export function toFormPath(apiPath: string): string {
  const path = apiPath === 'kind' || apiPath.startsWith('content.') ? apiPath : `content.${apiPath}`;
  return path.replace(/^(content\.subjects\.\d+\.(?:aliases|languages))\.\d+$/, '$1');
}

export interface PlacedErrors {
  /** [form path, message], in the order the API gave them. */
  placed: [string, string][];
  /** Messages for paths the editor does not show (a stale image reference, the version): shown on top. */
  unplaced: string[];
}

export function placeApiErrors(errors: Record<string, string>): PlacedErrors {
  const result: PlacedErrors = { placed: [], unplaced: [] };
  for (const [apiPath, message] of Object.entries(errors)) {
    const path = toFormPath(apiPath);
    if (PLACEABLE.some((pattern) => pattern.test(path))) result.placed.push([path, message]);
    else result.unplaced.push(message);
  }
  return result;
}

/** The first number in a class-validator message is its limit: "at most 120 characters", "not greater than 130". */
const limitIn = (message?: string) => /\d[\d_,]*/.exec(message ?? '')?.[0].replace(/[_,]/g, '') ?? '';

/**
 * The message to show for one field, in the reader's language. Errors found in the browser carry the
 * DTO's constraint name and English message (whose limit is reused); errors from the API are `server`
 * errors, and those only the API can find (the kind rules) are recognised by their path.
 */
export function appealFieldMessage(
  t: TFunction,
  path: string,
  error: FieldError | undefined,
  kind: AppealKind | '',
): string | undefined {
  if (!error) return undefined;
  const limit = limitIn(error.message);
  if (error.type === 'server') {
    const role = kind ? APPEAL_KIND_RULES[kind]?.requiredRole : undefined;
    if (path === 'content.subjects' && role)
      return t('desk.validation.requiredRole', { role: t(`appeal.role.${role}`) });
    if (path === 'content.expiresAt') return t('desk.validation.expiryRequired');
    if (/\.(ageMax|heightMaxCm|weightMaxKg)$/.test(path)) return t('desk.validation.belowMinimum');
    if (path === 'content.lastSeen.longitude') return t('desk.validation.bothCoordinates');
    return error.message || t('desk.validation.invalid');
  }
  switch (error.type) {
    case 'isLocalized':
      return /^Write it/.test(error.message ?? '')
        ? t('desk.validation.localizedRequired', { limit })
        : t('desk.validation.localizedTooLong', { limit });
    case 'isEnum':
    case 'isIn':
      return t('desk.validation.choose');
    case 'isInt':
      return t('desk.validation.wholeNumber');
    case 'isNumber':
      return t('desk.validation.number');
    case 'min':
      return t('desk.validation.min', { limit });
    case 'max':
      return t('desk.validation.max', { limit });
    case 'maxLength':
      return t('desk.validation.maxLength', { limit });
    case 'arrayMaxSize':
      return t('desk.validation.arrayMaxSize', { limit });
    case 'isLatitude':
      return t('desk.validation.latitude');
    case 'isLongitude':
      return t('desk.validation.longitude');
    case 'isIso8601':
      return t('desk.validation.date');
    default:
      return error.message || t('desk.validation.invalid');
  }
}
