import {
  TIP_LIMITS,
  type FollowUpMessageDto,
  type FollowUpSignInDto,
  type FollowUpView,
} from '@vigie/common';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import {
  messageResolver,
  normalizeTipCode,
  signInResolver,
} from '../../../public/tips/hooks/use-follow-up-forms';
import { fetchCallBack, openCallBack, postCallBackMessage } from '../api/phone.api';

interface OpenCall {
  token: string;
  thread: FollowUpView;
}

/**
 * A call-back: the caller's code and passphrase open their thread (checked as the tipster's own sign-in
 * is), then the call-taker reads it to them and types their answer. The token lives in this page's
 * memory only: leaving the page, or "End the call", forgets it.
 */
export function useCallBack() {
  const { t } = useTranslation();
  const [call, setCall] = useState<OpenCall | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const signIn = useForm<FollowUpSignInDto>({
    resolver: signInResolver,
    defaultValues: { code: '', password: '' },
  });
  const reply = useForm<FollowUpMessageDto>({ resolver: messageResolver, defaultValues: { body: '' } });

  const ended = () => {
    setCall(null);
    setSent(false);
    setFailure(t('desk.callBack.errors.ended'));
  };

  const failed = (error: unknown) => {
    if (!ApiError.isApiError(error)) return setFailure(apiErrorMessage(t, error));
    if (error.code === 'CALL_BACK_ENDED') return ended();
    if (error.code === 'CALL_BACK_BAD_CREDENTIALS')
      return setFailure(t('desk.callBack.errors.badCredentials'));
    if (error.code === 'LOCKED') return setFailure(t('desk.callBack.errors.locked'));
    if (error.code === 'TIP_CLOSED') return setFailure(t('desk.callBack.errors.closed'));
    setFailure(apiErrorMessage(t, error));
  };

  const open = signIn.handleSubmit(async ({ code, password }) => {
    setFailure(null);
    try {
      const session = await openCallBack(normalizeTipCode(code) ?? code, password);
      signIn.reset({ code: '', password: '' });
      setCall({ token: session.token, thread: session.thread });
    } catch (error) {
      failed(error);
    }
  });

  const send = reply.handleSubmit(async ({ body }) => {
    if (!call) return;
    setFailure(null);
    setSent(false);
    try {
      const thread = await postCallBackMessage(call.token, body);
      setCall({ ...call, thread });
      reply.reset({ body: '' });
      setSent(true);
    } catch (error) {
      failed(error);
    }
  });

  const refresh = async () => {
    if (!call) return;
    try {
      setCall({ ...call, thread: await fetchCallBack(call.token) });
    } catch (error) {
      failed(error);
    }
  };

  const hangUp = () => {
    setCall(null);
    setSent(false);
    setFailure(null);
    reply.reset({ body: '' });
  };

  const bodyError = reply.formState.errors.body;
  return {
    signIn,
    open,
    codeError: signIn.formState.errors.code ? t('desk.callBack.errors.codeFormat') : undefined,
    passwordError: signIn.formState.errors.password ? t('desk.callBack.errors.passwordRequired') : undefined,
    opening: signIn.formState.isSubmitting,
    call,
    reply,
    send,
    sending: reply.formState.isSubmitting,
    sent,
    bodyError: bodyError
      ? bodyError.type === 'maxLength'
        ? t('desk.callBack.errors.messageTooLong', { limit: TIP_LIMITS.messageMax })
        : t('desk.callBack.errors.messageRequired')
      : undefined,
    refresh,
    hangUp,
    failure,
  };
}
