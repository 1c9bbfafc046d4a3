import { StaffRole } from '@vigie/common';
import { describe, expect, it } from 'vitest';
import { deskPermissions } from './permissions';

const { ADMIN, SUPERVISOR, INVESTIGATOR, PIO, ANALYST, PLATFORM_OPERATOR, CALL_TAKER } = StaffRole;

/** What each single role may do on the desk, as the API's route guards allow it. */
const granted = (role: StaffRole) => {
  const { appeals, ...desk } = deskPermissions([role]);
  return [...Object.entries(desk), ...Object.entries(appeals)].filter(([, yes]) => yes).map(([name]) => name);
};

describe('deskPermissions', () => {
  it('gives each role exactly what the API lets it do', () => {
    expect(granted(INVESTIGATOR)).toEqual([
      'readTips',
      'triage',
      'exportEvidence',
      'takeCalls',
      'readAppeals',
      'readSocialArchive',
      'tipFromSocial',
    ]);
    expect(granted(ANALYST)).toEqual(['readTips', 'readAppeals']);
    expect(granted(SUPERVISOR)).toEqual([
      'readTips',
      'triage',
      'holdRecords',
      'exportEvidence',
      'exportContact',
      'forwardTips',
      'decideRewards',
      'takeCalls',
      'readAppeals',
      'seeSocialAccounts',
      'seeSocialPosts',
      'retrySocialPosts',
      'readSocialArchive',
      'tipFromSocial',
      'author',
      'review',
      'postUpdates',
      'resolve',
      'archive',
    ]);
    expect(granted(PIO)).toEqual([
      'readAppeals',
      'seeSocialAccounts',
      'seeSocialPosts',
      'retrySocialPosts',
      'readSocialArchive',
      'author',
      'postUpdates',
      'resolve',
    ]);
    expect(granted(ADMIN)).toEqual([
      'holdRecords',
      'readAppeals',
      'administer',
      'seeSocialAccounts',
      'connectSocialAccounts',
      'seeSocialPosts',
      'readSocialArchive',
      'author',
      'archive',
    ]);
    // The tip line, and nothing it could read beyond the caller's own thread.
    expect(granted(CALL_TAKER)).toEqual(['takeCalls']);
    // Outside every agency: agencies and their administrators, no tip, case or appeal.
    expect(granted(PLATFORM_OPERATOR)).toEqual(['operatePlatform']);
  });

  it('adds up the roles a staff member holds, and grants nothing without one', () => {
    expect(deskPermissions([PIO, ANALYST]).readTips).toBe(true);
    expect(deskPermissions([PIO, ANALYST]).appeals.author).toBe(true);
    expect(Object.values(deskPermissions([])).filter((value) => value === true)).toEqual([]);
    expect(Object.values(deskPermissions([]).appeals).some(Boolean)).toBe(false);
  });
});
