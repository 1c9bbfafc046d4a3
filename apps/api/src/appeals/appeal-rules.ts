import { APPEAL_KIND_RULES, AppealContent, AppealKind } from '@vigie/common';
import { randomBytes } from 'node:crypto';
import { commonError } from '../common/domain.exception';

const ROLE_MESSAGES: Record<string, string> = {
  CHILD: "An AMBER alert needs the child's description",
  MISSING: 'A missing-person appeal needs the missing person',
  SUSPECT: 'A wanted appeal needs the suspect',
  UNIDENTIFIED: 'An unidentified-person appeal needs the person to identify',
};

/**
 * The rules that depend on the kind of appeal, which class-validator cannot express: who must be
 * described, whether an expiry is required, and ranges that must be in order. Throws a 400 with
 * one message per field, like the validation pipe.
 */
export function checkAppealRules(kind: AppealKind, content: AppealContent): void {
  const errors: Record<string, string> = {};
  const rule = APPEAL_KIND_RULES[kind];
  if (rule.requiredRole && !content.subjects.some((s) => s.role === rule.requiredRole)) {
    errors.subjects = ROLE_MESSAGES[rule.requiredRole];
  }
  if (rule.requiresExpiry && !content.expiresAt) errors.expiresAt = 'An AMBER alert needs an expiry';
  content.subjects.forEach((s, i) => {
    for (const [min, max] of [
      ['ageMin', 'ageMax'],
      ['heightMinCm', 'heightMaxCm'],
      ['weightMinKg', 'weightMaxKg'],
    ] as const) {
      if (s[min] !== undefined && s[max] !== undefined && s[min]! > s[max]!)
        errors[`subjects.${i}.${max}`] = 'Must not be below the minimum';
    }
  });
  const lastSeen = content.lastSeen;
  if (lastSeen && (lastSeen.latitude === undefined) !== (lastSeen.longitude === undefined)) {
    errors['lastSeen.longitude'] = 'Give both latitude and longitude, or neither';
  }
  if (Object.keys(errors).length) throw commonError('VALIDATION_FAILED', { errors });
}

/** A readable, unguessable-enough public address: "missing-jane-doe-7k3f". */
export function slugFor(content: AppealContent): string {
  const title = content.title.en?.trim() || content.title.fr?.trim() || 'appeal';
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${base || 'appeal'}-${randomBytes(3).toString('hex')}`;
}
