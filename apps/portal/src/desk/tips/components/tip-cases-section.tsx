import { useQuery } from '@tanstack/react-query';
import type { TipDetail } from '@vigie/common';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { createCase, fetchCases, linkTipToCase, TIPS_KEY } from '../api/tips.api';
import { useTipsWrite } from '../hooks/use-tips';

/** The cases the tip is linked to, and linking it to another (or a new one). */
export function CasesSection({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const cases = useQuery({
    queryKey: [...TIPS_KEY, 'cases'],
    queryFn: ({ signal }) => fetchCases(signal),
    enabled: canTriage,
  });
  const link = useTipsWrite(async (input: { caseId?: string; title?: string }) => {
    const caseId = input.caseId ?? (await createCase(input.title ?? '')).id;
    await linkTipToCase(caseId, tip.id);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (choice === 'new') {
      if (title.trim())
        link.mutate(
          { title: title.trim() },
          {
            onSuccess: () => {
              setTitle('');
              setChoice('');
            },
          },
        );
    } else if (choice) link.mutate({ caseId: choice }, { onSuccess: () => setChoice('') });
  };
  return (
    <section className="tip-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('desk.tip.cases')}</h3>
      {tip.cases.length === 0 ? (
        <p className="tip-muted">{t('desk.tip.noCases')}</p>
      ) : (
        <ul>
          {tip.cases.map((linked) => (
            <li key={linked.id}>
              <Link to={`/desk/cases/${linked.id}`}>
                {linked.number} — {linked.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {canTriage && (
        <form onSubmit={onSubmit}>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-case`}>
              {t('desk.tip.linkTo')}
            </label>
            <select
              id={`${id}-case`}
              className="field__input"
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
            >
              <option value="">{t('desk.tip.chooseCase')}</option>
              <option value="new">{t('desk.tip.newCase')}</option>
              {(cases.data ?? [])
                .filter((one) => !tip.cases.some((linked) => linked.id === one.id))
                .map((one) => (
                  <option key={one.id} value={one.id}>
                    {one.number} — {one.title}
                  </option>
                ))}
            </select>
          </div>
          {choice === 'new' && (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-title`}>
                {t('desk.tip.caseTitle')}
              </label>
              <input
                id={`${id}-title`}
                className="field__input"
                value={title}
                maxLength={200}
                onChange={(event) => setTitle(event.target.value)}
              />
            </div>
          )}
          {link.isError && (
            <Notice tone="error">
              <p>{deskErrorMessage(t, link.error)}</p>
            </Notice>
          )}
          <button type="submit" className="button button--secondary" disabled={link.isPending || !choice}>
            {t('desk.tip.link')}
          </button>
        </form>
      )}
    </section>
  );
}
