import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../../test-utils';
import { forgetPublicResources } from '../../api/public-resource';
import { AgencyChoice } from '../components/agency-choice';
import { loadTipsCatalogue } from '../i18n/tips-catalogue';
import { useTipAgency } from './use-tip-agency';

const DEMO = { slug: 'demo', name: 'Demo Police Service', publicPhone: null };
const SECOND = { slug: 'second', name: 'Second Police Service', publicPhone: '514 555 0100' };

describe('useTipAgency', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeAll(async () => {
    await i18next.changeLanguage('fr');
    await loadTipsCatalogue(['tip'], 'fr');
  });
  beforeEach(() => {
    forgetPublicResources();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it("sends to the appeal's own police service, asking nothing", () => {
    const { result } = renderHook(() => useTipAgency(true, 'second'));
    expect(result.current).toMatchObject({ slug: 'second', choices: [] });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends to the only police service of the platform', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, [SECOND]));
    const { result } = renderHook(() => useTipAgency(true, undefined));
    await waitFor(() => expect(result.current.slug).toBe('second'));
    expect(result.current.choices).toEqual([]);
  });

  it('has the tipster choose among several, and sends nowhere until they have', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, [DEMO, SECOND]));
    const { result } = renderHook(() => useTipAgency(true, undefined));
    await waitFor(() => expect(result.current.choices).toHaveLength(2));
    expect(result.current.slug).toBeUndefined();
    act(() => result.current.choose('second'));
    expect(result.current.slug).toBe('second');
    act(() => result.current.choose('nowhere'));
    expect(result.current.slug).toBeUndefined();
  });

  it('asks nothing and fetches nothing for a tip going to an open appeal', () => {
    const { result } = renderHook(() => useTipAgency(false, undefined));
    expect(result.current.choices).toEqual([]);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('offers the choice as a labelled list, and says what is missing when the tipster sends without choosing', () => {
    const choose = vi.fn();
    const agency = { slug: undefined, choices: [DEMO, SECOND], choose };
    const { rerender } = render(<AgencyChoice agency={agency} missing={false} />);
    const select = screen.getByLabelText('Service de police qui recevra votre information');
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<AgencyChoice agency={agency} missing />);
    expect(screen.getByRole('alert').textContent).toBe(
      'Choisissez le service de police qui recevra votre information.',
    );
    expect(select.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(select, { target: { value: 'second' } });
    expect(choose).toHaveBeenCalledWith('second');
  });
});
