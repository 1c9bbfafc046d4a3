import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { createRef, type Ref } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../../test-utils';
import { forgetPublicResources } from '../../api/public-resource';
import { AgencyChoice } from '../components/agency-choice';
import { loadTipsCatalogue } from '../i18n/tips-catalogue';
import { useTipAgency, type TipAgency } from './use-tip-agency';

const DEMO = { slug: 'demo', name: 'Demo Police Service', publicPhone: null };
const SECOND = { slug: 'second', name: 'Second Police Service', publicPhone: '514 555 0100' };
const refused = () => jsonResponse(400, { statusCode: 400, code: 'BAD_REQUEST', message: 'Bad request' });
const unavailable = () => jsonResponse(503, { statusCode: 503, code: 'HTTP_503', message: 'Unavailable' });
const never = () => new Promise<Response>(() => undefined);

/** The list as the tip form draws it, with the focus target the form moves to when "Send" finds no service. */
function TipAgencyField({ missing, target }: { missing: boolean; target?: Ref<HTMLElement> }) {
  const agency = useTipAgency(true, undefined);
  return <AgencyChoice ref={target} agency={agency} missing={missing} />;
}

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
    vi.useRealTimers();
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

  it('says the list is loading while it is on its way, and sends nowhere meanwhile', () => {
    fetchMock.mockReturnValue(never());
    const { result } = renderHook(() => useTipAgency(true, undefined));
    expect(result.current).toMatchObject({ slug: undefined, choices: [], status: 'loading' });
  });

  it('offline, says it waits for the connection, then offers the choice once it is back', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const { result } = renderHook(() => useTipAgency(true, undefined));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(result.current.status).toBe('offline'));
    expect(result.current.slug).toBeUndefined();

    fetchMock.mockResolvedValueOnce(jsonResponse(200, [DEMO, SECOND]));
    vi.stubGlobal('navigator', { onLine: true });
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.choices).toHaveLength(2);
  });

  it('fails at once on a refusal (4xx), and Try again brings the list to choose from', async () => {
    fetchMock.mockResolvedValueOnce(refused());
    const { result } = renderHook(() => useTipAgency(true, undefined));
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(result.current).toMatchObject({ slug: undefined, choices: [] });
    expect(fetchMock).toHaveBeenCalledTimes(1);

    let answer!: (response: Response) => void;
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.status).toBe('loading'));
    await act(async () => answer(jsonResponse(200, [DEMO, SECOND])));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.choices).toHaveLength(2);
    act(() => result.current.choose('demo'));
    expect(result.current.slug).toBe('demo');
  });

  it('fails once the retries of a server error (5xx) are spent', async () => {
    vi.useFakeTimers();
    fetchMock.mockImplementation(async () => unavailable());
    const { result } = renderHook(() => useTipAgency(true, undefined));
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(result.current.status).toBe('loading');
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(result.current.status).toBe('failed');
  });

  it('counts a platform with no police service as a failure, not as nothing to ask', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, []));
    const { result } = renderHook(() => useTipAgency(true, undefined));
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(result.current.slug).toBeUndefined();
  });

  it('offers the choice as a labelled list, and says what is missing when the tipster sends without choosing', () => {
    const choose = vi.fn();
    const agency: TipAgency = {
      slug: undefined,
      choices: [DEMO, SECOND],
      choose,
      status: 'ready',
      retry: vi.fn(),
    };
    const target = createRef<HTMLElement>();
    const { rerender } = render(<AgencyChoice ref={target} agency={agency} missing={false} />);
    const select = screen.getByLabelText('Service de police qui recevra votre information');
    expect(target.current).toBe(select);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<AgencyChoice ref={target} agency={agency} missing />);
    expect(screen.getByRole('alert').textContent).toBe(
      'Choisissez le service de police qui recevra votre information.',
    );
    expect(select.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(select, { target: { value: 'second' } });
    expect(choose).toHaveBeenCalledWith('second');
  });

  it('draws nothing when the tip already knows its police service', () => {
    const agency: TipAgency = { slug: 'demo', choices: [], choose: vi.fn(), status: 'ready', retry: vi.fn() };
    const { container } = render(<AgencyChoice agency={agency} missing={false} />);
    expect(container.innerHTML).toBe('');
  });

  it('while the list loads, says so politely; after "Send", that the tip is kept, and takes the focus', () => {
    fetchMock.mockReturnValue(never());
    const target = createRef<HTMLElement>();
    const { rerender } = render(<TipAgencyField missing={false} target={target} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Chargement de la liste des services de police…');
    expect(screen.queryByRole('alert')).toBeNull();

    rerender(<TipAgencyField missing target={target} />);
    expect(screen.getByRole('status').textContent).toBe(
      'La liste des services de police se charge encore. Votre information est conservée\u00a0: choisissez le service dès que la liste apparaît, puis envoyez.',
    );
    expect(target.current).toBe(status);
    act(() => target.current?.focus());
    expect(document.activeElement).toBe(status);
  });

  it('offline, says the list waits for the connection', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    render(<TipAgencyField missing />);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(
        /^Pas de connexion\u00a0: la liste des services de police se chargera dès votre retour en ligne\. Votre information est conservée/,
      ),
    );
  });

  it('when the list could not load, says so with Try again, which brings the list and the focus to it', async () => {
    fetchMock.mockResolvedValueOnce(refused());
    const target = createRef<HTMLElement>();
    render(<TipAgencyField missing target={target} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Impossible d’envoyer sans choisir le service de police, et leur liste n’a pas pu être chargée.',
    );
    const retry = screen.getByRole('button', { name: 'Réessayer' });
    expect(target.current).toBe(retry);
    expect(retry.getAttribute('aria-describedby')).toBe('tip-agency-error');
    act(() => retry.focus());

    fetchMock.mockResolvedValueOnce(jsonResponse(200, [DEMO, SECOND]));
    fireEvent.click(retry);
    const select = await screen.findByLabelText('Service de police qui recevra votre information');
    expect(fetchMock).toHaveBeenCalledTimes(2);
    // The focus follows in an effect after the list is drawn: on a busy machine, a moment later.
    await waitFor(() => expect(document.activeElement).toBe(select));
    // Still unchosen: the tipster is told what is left to do.
    expect(screen.getByRole('alert').textContent).toBe(
      'Choisissez le service de police qui recevra votre information.',
    );
  });

  it('leaves the focus alone when the list arrives while the tipster is elsewhere', async () => {
    let answer!: (response: Response) => void;
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    render(
      <>
        <TipAgencyField missing={false} />
        <textarea aria-label="Votre information" />
      </>,
    );
    const text = screen.getByLabelText('Votre information');
    act(() => text.focus());
    await act(async () => answer(jsonResponse(200, [DEMO, SECOND])));
    await screen.findByLabelText('Service de police qui recevra votre information');
    expect(document.activeElement).toBe(text);
  });
});
