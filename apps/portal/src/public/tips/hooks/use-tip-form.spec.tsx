import { act, renderHook, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TIP_DRAFT_KEY } from '../api/tip-draft';
import { loadTipsCatalogue } from '../i18n/tips-catalogue';
import { useTipForm } from './use-tip-form';
import '../../../test-utils';

const stored = () => JSON.parse(localStorage.getItem(TIP_DRAFT_KEY) ?? 'null');

/** As a step component does: its fields' messages are read while rendering (which subscribes to them). */
function useRenderedTipForm(appeal?: string) {
  const tip = useTipForm({ appeal });
  tip.fieldError('description');
  tip.fieldError('occurredFrom');
  tip.fieldError('contactEmail');
  return tip;
}

describe('useTipForm', () => {
  beforeAll(async () => {
    await i18next.changeLanguage('fr');
    await loadTipsCatalogue(['tip'], 'fr');
  });
  afterEach(() => {
    localStorage.clear();
    vi.useRealTimers();
  });

  it('keeps a draft as the tipster types, restores it after a reload, and forgets it once the tip is sent', async () => {
    const first = renderHook(() => useRenderedTipForm('missing-lea'));
    act(() => first.result.current.form.setValue('description', 'Un homme en manteau rouge'));
    await waitFor(() => expect(stored()?.values.description).toBe('Un homme en manteau rouge'));
    await act(() => first.result.current.next());
    await waitFor(() => expect(stored()?.step).toBe(1));
    first.unmount();

    // "Reload": a new form on the same appeal starts from the draft, on the step it was left at.
    const second = renderHook(() => useRenderedTipForm('missing-lea'));
    expect(second.result.current.form.getValues('description')).toBe('Un homme en manteau rouge');
    expect(second.result.current.step).toBe('when');
    expect(second.result.current.draftRestored).toBe(true);

    // Received: the draft goes, and a keystroke still in the debounce does not bring it back.
    act(() => second.result.current.form.setValue('place', 'Berri-UQAM'));
    act(() => second.result.current.forgetDraft());
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(localStorage.getItem(TIP_DRAFT_KEY)).toBeNull();
  });

  it('does not open the next step while this one is invalid, and says why in French', async () => {
    const { result } = renderHook(() => useRenderedTipForm());
    await act(() => result.current.next());
    expect(result.current.step).toBe('what');
    expect(result.current.fieldError('description')).toBe(
      'Décrivez ce que vous avez vu ou ce que vous savez.',
    );

    act(() => result.current.form.setValue('description', 'Vu une voiture', { shouldValidate: true }));
    await act(() => result.current.next());
    expect(result.current.step).toBe('when');
    act(() => result.current.form.setValue('occurredFrom', '2999-01-01T10:00'));
    await act(() => result.current.next());
    expect(result.current.fieldError('occurredFrom')).toBe('Cette date est dans le futur.');
  });

  it('puts the API’s field errors beside their fields, on the first step concerned', async () => {
    const { result } = renderHook(() => useRenderedTipForm());
    act(() => result.current.showServerErrors('contact', [['contactEmail', 'Give a valid e-mail address']]));
    expect(result.current.step).toBe('contact');
    expect(result.current.fieldError('contactEmail')).toBe('Entrez une adresse courriel valide.');
  });
});
