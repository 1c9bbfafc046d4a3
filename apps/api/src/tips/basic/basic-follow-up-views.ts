import { CoarseTipStatus, type FollowUpView, publicDate, TIP_LIMITS } from '@vigie/common';
import { BASIC_FOLLOW_UP_PATH, BASIC_TIP_FORM_PATH, basicPage } from '../../portal/basic-layout';
import { html, query } from '../../portal/html';
import type { PageLanguage, PortalTexts } from '../../portal/portal-texts';
import { describedBy, errorSummary, field, fileSize, type PageProblems } from './basic-form-parts';

/** Sign-in with the code and passphrase: fields a password manager recognises, and pasting allowed. */
export function signInPage(
  texts: PortalTexts,
  lang: PageLanguage,
  state: { code?: string; problems?: PageProblems; notice?: string } = {},
): string {
  const t = (key: string) => texts.t(lang, key);
  const errors = state.problems?.fields ?? {};
  const main = html` ${errorSummary(t('basic.errorSummary'), state.problems)}
    ${state.notice && html`<p class="notice" role="status">${state.notice}</p>`}
    <h1>${t('followUp.title')}</h1>
    <p>${t('followUp.intro')}</p>
    <form
      method="post"
      action="${BASIC_FOLLOW_UP_PATH}${query({ lang })}"
      enctype="multipart/form-data"
      novalidate
    >
      ${field({
        name: 'code',
        label: t('followUp.code'),
        hint: t('followUp.codeHint'),
        error: errors.code,
        control: (id, ids, invalid) =>
          html`<input
            type="text"
            id="${id}"
            name="code"
            value="${state.code}"
            maxlength="${TIP_LIMITS.tipCodeMax}"
            autocomplete="username"
            autocapitalize="characters"
            spellcheck="false"
            required${describedBy(ids, invalid)}
          />`,
      })}
      ${field({
        name: 'password',
        label: t('followUp.password'),
        hint: t('followUp.passwordHint'),
        error: errors.password,
        control: (id, ids, invalid) =>
          html`<input
            type="password"
            id="${id}"
            name="password"
            maxlength="${TIP_LIMITS.passwordMax}"
            autocomplete="current-password"
            spellcheck="false"
            required${describedBy(ids, invalid)}
          />`,
      })}
      <div class="actions"><button class="button" type="submit">${t('followUp.submit')}</button></div>
    </form>
    <p>
      ${t('followUp.lost')}
      <a href="${BASIC_TIP_FORM_PATH}${query({ lang })}">${t('tipSend.receipt.another')}</a>
    </p>
    <p class="hint">${t('basic.followUp.cookieNote')}</p>`;
  return basicPage(texts, lang, { title: t('followUp.title'), path: BASIC_FOLLOW_UP_PATH, main });
}

export interface ThreadPage {
  view: FollowUpView;
  timeZone: string;
  /** The value each form carries (BasicFollowUpSessions.formKey). */
  session: string;
  problems?: PageProblems;
  /** What was just done: "message sent", "files received". */
  notice?: string;
  /** The message the tipster wrote, when it came back refused. */
  draft?: string;
}

/** The follow-up: where the tip is at, the reward, the messages, and a reply with files. */
export function threadPage(texts: PortalTexts, lang: PageLanguage, page: ThreadPage): string {
  const t = (key: string, vars?: Record<string, string | number>) => texts.t(lang, key, vars);
  const { view } = page;
  const date = (iso: string) => publicDate(iso, lang, page.timeZone, true);
  const closed = view.status === CoarseTipStatus.CLOSED;
  const { reward } = view;
  const errors = page.problems?.fields ?? {};
  const filesLeft = view.uploads.maxFiles - view.uploads.usedFiles;
  const bytesLeft = view.uploads.maxBytes - view.uploads.usedBytes;
  const canAddFiles = filesLeft > 0 && bytesLeft > 0;
  const main = html` ${errorSummary(t('basic.errorSummary'), page.problems)}
    ${page.notice && html`<p class="notice" role="status" tabindex="-1" autofocus>${page.notice}</p>`}
    <h1>${t('followUp.heading')} ${view.code}</h1>
    <p>${t('followUp.sentOn', { date: date(view.receivedAt) })}</p>
    ${view.appeal && html`<p><strong>${t('followUp.appeal')}</strong>${view.appeal.title[lang] ?? view.appeal.title.fr ?? view.appeal.title.en}</p>`}
    <h2>${t('followUp.statusHeading')}</h2>
    <p>${t(`followUp.status.${view.status}`)}</p>
    <h2>${t('followUp.reward.heading')}</h2>
    <p>${t(`followUp.reward.${reward.reason}`)}</p>
    ${reward.offered && reward.amount !== undefined && html`<p>${t('followUp.reward.amount', { amount: money(reward.amount, reward.currency, lang) })}</p>`}
    ${reward.reason === 'OPEN' && reward.expiresAt && html`<p>${t('followUp.reward.openUntil', { date: publicDate(reward.expiresAt, lang, page.timeZone) })}</p>`}
    ${reward.reason === 'OPEN' && html`<p class="hint">${t('followUp.reward.howTo')}</p>`}
    <h2>${t('followUp.thread.heading')}</h2>
    ${
      view.messages.length === 0
        ? html`<p>${t('followUp.thread.empty')}</p>`
        : html`<ol class="thread">
            ${view.messages.map(
              (m) =>
                html`<li class="from-${m.from}">
                  <p class="meta">
                    <strong>${t(`followUp.thread.${m.from}`)}</strong>
                    ${t('followUp.thread.at', { date: date(m.at) })}
                  </p>
                  <p class="body">${m.body}</p>
                </li>`,
            )}
          </ol>`
    }
    <h2>${t('followUp.files.heading')}</h2>
    <p>
      ${view.files.length === 0 ? t('followUp.files.none') : t('followUp.files.count', { count: view.files.length })}
    </p>
    ${
      closed
        ? html`<p class="note">${t('followUp.thread.closed')}</p>`
        : html`<form
            method="post"
            action="${BASIC_FOLLOW_UP_PATH}/messages${query({ lang })}"
            enctype="multipart/form-data"
            novalidate
          >
            <input type="hidden" name="session" value="${page.session}" />
            ${field({
              name: 'body',
              label: t('followUp.thread.reply'),
              hint: t('followUp.thread.replyHint'),
              error: errors.body,
              control: (id, ids, invalid) =>
                html`<textarea
                  id="${id}"
                  name="body"
                  rows="6"
                  maxlength="${TIP_LIMITS.messageMax}"
                  ${describedBy(ids, invalid)}
                >
${page.draft}</textarea>`,
            })}
            ${
              canAddFiles
                ? field({
                    name: 'files',
                    label: `${t('basic.followUp.filesLabel')} ${t('tip.optional')}`,
                    hint: t('followUp.files.allowance', {
                      count: filesLeft,
                      size: fileSize(texts, lang, bytesLeft),
                    }),
                    error: errors.files,
                    control: (id, ids, invalid) =>
                      html`<input
                        type="file"
                        id="${id}"
                        name="files"
                        multiple
                        accept="image/*,video/*,audio/*"
                        ${describedBy(ids, invalid)}
                      />`,
                  })
                : html`<p class="hint">${t('followUp.files.allowanceNone')}</p>`
            }
            <div class="actions">
              <button class="button" type="submit">${t('basic.followUp.send')}</button>
            </div>
          </form>`
    }
    <div class="actions">
      <a class="button secondary" href="${BASIC_FOLLOW_UP_PATH}${query({ lang })}"
        >${t('followUp.refresh')}</a
      >
      <form
        method="post"
        action="${BASIC_FOLLOW_UP_PATH}/sign-out${query({ lang })}"
        enctype="multipart/form-data"
      >
        <input type="hidden" name="session" value="${page.session}" />
        <button class="button secondary" type="submit">${t('followUp.signOut')}</button>
      </form>
    </div>
    <p class="hint">${t('basic.followUp.cookieNote')}</p>`;
  return basicPage(texts, lang, { title: t('followUp.heading'), path: BASIC_FOLLOW_UP_PATH, main });
}

function money(amount: number, currency: string | undefined, lang: PageLanguage): string {
  try {
    return new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
      style: 'currency',
      currency: currency ?? 'CAD',
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return String(amount);
  }
}
