import { act, renderHook, waitFor } from '@testing-library/react';
import type { TipReceipt } from '@vigie/common';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import { sendTip } from '../api/tips.api';
import { useTipSubmission } from './use-tip-submission';

vi.mock('../api/tips.api', () => ({ sendTip: vi.fn() }));
const send = vi.mocked(sendTip);

const receipt: TipReceipt = { code: 'K7QM-2XH9', password: 'a-b-c-d-e', receivedAt: '2026-03-02T18:45:00Z' };
const offline = () => new ApiError({ statusCode: 0, code: 'NETWORK_ERROR', message: 'Failed to fetch' });

function setup() {
  let solutions = 0;
  const takeSolution = vi.fn(async () => `solution-${solutions}`);
  const renewSolution = vi.fn(() => void (solutions += 1));
  const onDone = vi.fn();
  const onFailed = vi.fn();
  const hook = renderHook(() => useTipSubmission({ takeSolution, renewSolution, onDone, onFailed }));
  const build = vi.fn((_attempt: { afterDrop: boolean }) => new FormData());
  return { hook, build, takeSolution, renewSolution, onDone, onFailed };
}

/** The proof-of-work solution sent with attempt `call` (in its header, beside the body). */
const altchaSent = (call: number) => send.mock.calls[call][3];

describe('useTipSubmission', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => {
    vi.useRealTimers();
    send.mockReset();
    vi.restoreAllMocks();
  });

  it('holds the tip through failed attempts, waiting longer each time, until it is received', async () => {
    send.mockRejectedValueOnce(offline()).mockRejectedValueOnce(offline()).mockResolvedValueOnce(receipt);
    const { hook, build, onDone } = setup();
    // The clock also moves with real time here (shouldAdvanceTime), by however long a busy machine
    // takes: the waits are measured from when they start, never against the time the test looks.
    const submitted = Date.now();
    act(() => hook.result.current.submit(build));
    await waitFor(() => expect(hook.result.current.state.phase).toBe('waiting'));
    const first = hook.result.current.state;
    const firstRetry = first.phase === 'waiting' ? first.retryAt! : 0;
    expect(firstRetry - submitted).toBeGreaterThanOrEqual(2_000);

    await act(() => vi.advanceTimersByTimeAsync(2_000));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(hook.result.current.state.phase).toBe('waiting'));
    const second = hook.result.current.state;
    // The second attempt went at firstRetry and failed at once: its wait, twice the first, starts there.
    expect((second.phase === 'waiting' ? second.retryAt! : 0) - firstRetry).toBeGreaterThanOrEqual(4_000);

    // The tipster does not have to wait: "try again now".
    act(() => hook.result.current.retryNow());
    await waitFor(() => expect(hook.result.current.state).toEqual({ phase: 'done', receipt }));
    // Built knowing the connection had dropped: the form then leaves the files for the resumable path.
    expect(onDone).toHaveBeenCalledWith(receipt, { afterDrop: true });
    expect(build.mock.calls.map(([attempt]) => attempt)).toEqual([
      { afterDrop: false },
      { afterDrop: true },
      { afterDrop: true },
    ]);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('while offline, waits for the connection to come back and sends at once', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    send.mockRejectedValueOnce(offline()).mockResolvedValueOnce(receipt);
    const { hook, build } = setup();
    act(() => hook.result.current.submit(build));
    await waitFor(() =>
      expect(hook.result.current.state).toEqual({ phase: 'waiting', retryAt: null, dropped: true }),
    );
    await act(() => vi.advanceTimersByTimeAsync(120_000));
    expect(send).toHaveBeenCalledTimes(1);

    onLine.mockReturnValue(true);
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(hook.result.current.state.phase).toBe('done'));
  });

  it('says a cut connection through the next attempt, and not a server that answered with an error', async () => {
    let finish: (value: TipReceipt) => void = () => undefined;
    send
      .mockRejectedValueOnce(new ApiError({ statusCode: 503, code: 'HTTP_503', message: 'x' }))
      .mockRejectedValueOnce(offline())
      .mockImplementationOnce((_body, onProgress) => {
        onProgress(10, 100);
        return new Promise((resolve) => (finish = resolve));
      });
    const { hook, build } = setup();
    act(() => hook.result.current.submit(build));
    await waitFor(() => expect(hook.result.current.state.phase).toBe('waiting'));
    expect(hook.result.current.state).toMatchObject({ dropped: false });

    act(() => hook.result.current.retryNow());
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(hook.result.current.state).toMatchObject({ phase: 'waiting', dropped: true }));
    act(() => hook.result.current.retryNow());
    await waitFor(() =>
      expect(hook.result.current.state).toEqual({ phase: 'sending', loaded: 10, total: 100, dropped: true }),
    );
    act(() => finish(receipt));
    await waitFor(() => expect(hook.result.current.state).toEqual({ phase: 'done', receipt }));
  });

  it('solves a new proof-of-work when the API refuses the one sent, and sends again', async () => {
    send
      .mockRejectedValueOnce(new ApiError({ statusCode: 400, code: 'CHALLENGE_FAILED', message: 'x' }))
      .mockResolvedValueOnce(receipt);
    const { hook, build, renewSolution } = setup();
    act(() => hook.result.current.submit(build));
    await waitFor(() => expect(hook.result.current.state.phase).toBe('done'));
    expect(renewSolution).toHaveBeenCalledTimes(1);
    expect([altchaSent(0), altchaSent(1)]).toEqual(['solution-0', 'solution-1']);
  });

  it('hands an answer that retrying cannot change back to the form, and does not retry it', async () => {
    send.mockRejectedValueOnce(
      new ApiError({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'x',
        errors: { contactPhone: 'Give a valid phone number' },
      }),
    );
    const { hook, build, onFailed } = setup();
    act(() => hook.result.current.submit(build));
    await waitFor(() => expect(hook.result.current.state.phase).toBe('failed'));
    expect(onFailed).toHaveBeenCalledWith({
      kind: 'fields',
      step: 'contact',
      fields: [['contactPhone', 'Give a valid phone number']],
    });
    await act(() => vi.advanceTimersByTimeAsync(120_000));
    expect(send).toHaveBeenCalledTimes(1);
  });
});
