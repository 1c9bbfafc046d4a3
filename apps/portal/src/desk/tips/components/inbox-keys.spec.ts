import { describe, expect, it } from 'vitest';
import { formatCount, isTypingTarget } from './inbox-keys';

describe('inbox keys', () => {
  it('shows the cap with a plus once the API stopped counting', () => {
    expect(formatCount(1000, 1000, 'en-CA')).toBe('1,000+');
    expect(formatCount(999, 1000, 'en-CA')).toBe('999');
  });

  it('ignores letters typed in fields and in open dialogs', () => {
    const input = document.createElement('input');
    const link = document.createElement('a');
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    const button = document.createElement('button');
    dialog.append(button);
    document.body.append(input, link, dialog);
    expect(isTypingTarget(input)).toBe(true);
    expect(isTypingTarget(button)).toBe(true);
    expect(isTypingTarget(link)).toBe(false);
  });
});
