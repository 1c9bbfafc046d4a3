import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_ERROR } from '../../shared/api/api-error';
import { forgetPublicResources, setPublicResource, usePublicResource } from './public-resource';

const offline = () => new ApiError({ statusCode: 0, code: NETWORK_ERROR, message: 'Failed to fetch' });
const serverError = () => new ApiError({ statusCode: 503, code: 'HTTP_503', message: 'Unavailable' });
const notFound = () => new ApiError({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' });

describe('usePublicResource', () => {
  afterEach(() => {
    forgetPublicResources();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('asks once for a key however many read it, and reuses a fresh answer when a page comes back', async () => {
    const fetcher = vi.fn(async () => ({ items: ['a'] }));
    const first = renderHook(() => usePublicResource('list', fetcher));
    const second = renderHook(() => usePublicResource('list', fetcher));
    expect(first.result.current.isPending).toBe(true);
    await waitFor(() => expect(first.result.current.data).toEqual({ items: ['a'] }));
    expect(second.result.current.data).toEqual({ items: ['a'] });
    first.unmount();
    second.unmount();

    const back = renderHook(() => usePublicResource('list', fetcher));
    expect(back.result.current.isSuccess).toBe(true);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('retries what a retry may fix, with backoff, then shows the error; Retry asks again', async () => {
    vi.useFakeTimers();
    const fetcher = vi.fn(async () => {
      throw serverError();
    });
    const { result } = renderHook(() => usePublicResource('appeal', fetcher));
    await act(() => vi.advanceTimersByTimeAsync(1_000 + 2_000));
    expect(fetcher).toHaveBeenCalledTimes(3);
    expect(result.current.isError).toBe(true);

    fetcher.mockResolvedValueOnce('found' as never);
    await act(() => result.current.refetch());
    expect(result.current.data).toBe('found');
  });

  it('does not retry an answer that will not change (404), and shows it at once', async () => {
    const fetcher = vi.fn(async () => {
      throw notFound();
    });
    const { result } = renderHook(() => usePublicResource('gone', fetcher));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(result.current.error).toBeInstanceOf(ApiError);
  });

  it('offline, keeps loading until the connection returns, then asks again', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const fetcher = vi.fn(async () => {
      throw offline();
    });
    const { result } = renderHook(() => usePublicResource('tunnel', fetcher));
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current.isPending).toBe(true);

    fetcher.mockResolvedValueOnce('back' as never);
    vi.stubGlobal('navigator', { onLine: true });
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(result.current.data).toBe('back'));
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('keeps the previous list on screen while the next one loads, and calls off a request nobody reads', async () => {
    const signals: AbortSignal[] = [];
    const fetcher = vi.fn(
      (key: string) => (signal: AbortSignal) =>
        new Promise<string>((resolve) => {
          signals.push(signal);
          if (key !== 'slow') resolve(key);
        }),
    );
    const { result, rerender } = renderHook(
      ({ key }) => usePublicResource(key, fetcher(key), { keepPrevious: true }),
      {
        initialProps: { key: 'montreal' },
      },
    );
    await waitFor(() => expect(result.current.data).toBe('montreal'));

    rerender({ key: 'slow' });
    expect(result.current.data).toBe('montreal');
    expect(result.current.isSuccess && result.current.isPlaceholderData).toBe(true);

    rerender({ key: 'laval' });
    await waitFor(() => expect(result.current.data).toBe('laval'));
    await waitFor(() => expect(signals[1].aborted).toBe(true));
  });

  it('takes an answer in hand as the first one, and a newer one from a change without asking', async () => {
    const fetcher = vi.fn(async () => 'fetched');
    const { result } = renderHook(() => usePublicResource('early', fetcher, { initialData: () => 'early' }));
    expect(result.current.data).toBe('early');
    act(() => setPublicResource('early', 'updated'));
    expect(result.current.data).toBe('updated');
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('reads nothing without a key', () => {
    const fetcher = vi.fn(async () => 'x');
    const { result } = renderHook(() => usePublicResource(null, fetcher));
    expect(result.current.isFetching).toBe(false);
    expect(fetcher).not.toHaveBeenCalled();
  });
});
