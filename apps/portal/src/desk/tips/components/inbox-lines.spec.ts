import type { DuplicateGroup, DuplicateGroupMember, TipSummary } from '@vigie/common';
import { TipChannel, TipPriority, TipStatus } from '@vigie/common';
import { describe, expect, it } from 'vitest';
import { planDecision } from './duplicate-decision';
import { inboxLines } from './inbox-lines';

const tip = (id: string, groupId?: string, receivedAt = `2026-01-01T00:00:0${id.length}Z`): TipSummary => ({
  id,
  code: id.toUpperCase(),
  status: TipStatus.NEW,
  priority: TipPriority.NORMAL,
  channel: TipChannel.WEB,
  receivedAt,
  excerpt: `words of ${id}`,
  tags: [],
  mediaCount: 0,
  hasLocation: false,
  duplicateCount: 0,
  version: 1,
  newFromTipster: false,
  groupId,
});
const member = (id: string, clusterId: string | null = null, isPrimary = false): DuplicateGroupMember => ({
  ...tip(id, 'g'),
  clusterId,
  isPrimary,
  reason: null,
});
const group = (members: DuplicateGroupMember[]): DuplicateGroup => ({
  id: 'g',
  primaryTipId: members[0].id,
  count: members.length,
  complete: true,
  strongest: null,
  members,
});

describe('inbox lines', () => {
  const g = group([member('p', null, true), member('b'), member('c')]);
  const groups = new Map([['g', g]]);
  const page = [tip('a'), tip('b', 'g'), tip('z'), tip('c', 'g')];

  it('shows a group once, where its first tip is met, as its primary, and its other tips only when expanded', () => {
    expect(inboxLines(page, groups, new Set()).map((l) => `${l.kind}:${l.tip.id}`)).toEqual([
      'tip:a',
      'group:p',
      'tip:z',
    ]);
    expect(inboxLines(page, groups, new Set(['g'])).map((l) => `${l.kind}:${l.tip.id}`)).toEqual([
      'tip:a',
      'group:p',
      'member:b',
      'member:c',
      'tip:z',
    ]);
  });

  it('merges the selection, or the whole group, into the primary, leaving out what is already merged with it', () => {
    const merged = group([member('p', 'k', true), member('b', 'k'), member('c')]);
    const inGroup = new Map([['g', merged]]);
    const whole = planDecision('merge', { selected: [], active: merged.members[1], groups: inGroup });
    expect(whole).toMatchObject({ kind: 'merge', target: { id: 'p' }, mergeClusters: false });
    expect(typeof whole !== 'string' && whole.tips.map((p) => p.tip.id)).toEqual(['c']);
    expect(planDecision('merge', { selected: [merged.members[1]], groups: inGroup })).toBe('nothingToMerge');
    expect(planDecision('unmerge', { selected: [], active: merged.members[2], groups: inGroup })).toBe(
      'notMerged',
    );
    expect(
      planDecision('unmerge', { selected: [], active: merged.members[1], groups: inGroup }),
    ).toMatchObject({
      tips: [{ tip: { id: 'b' } }],
    });
  });

  it('refuses a selection across groups, and a lone tip with no group', () => {
    const other = { ...group([member('q', null, true), member('r')]), id: 'h' };
    const both = new Map([
      ['g', g],
      ['h', other],
    ]);
    const r = { ...other.members[1], groupId: 'h' };
    expect(planDecision('separate', { selected: [g.members[1], r], groups: both })).toBe('manyGroups');
    expect(planDecision('merge', { selected: [], active: tip('a'), groups: both })).toBe('noGroup');
    // Two tips with no group may still be merged on purpose: into the first to arrive.
    const plan = planDecision('merge', { selected: [tip('zz'), tip('a')], groups: both });
    expect(plan).toMatchObject({ target: { id: 'a' }, tips: [{ tip: { id: 'zz' } }] });
  });
});
