import { APPEAL_KIND_RULES, AppealKind, CURRENCIES, type StaffAppeal } from '@vigie/common';
import { useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { appealKindFamily } from '../../../public/api/appeal-card-view';
import { Notice } from '../../../shared/components/notice';
import { TextField } from '../../../shared/components/text-field';
import { SelectField } from '../../../shared/components/form-fields';
import { useAppealForm } from '../hooks/use-appeal-form';
import { AppealPreviewPanel } from './appeal-preview-panel';
import { ImageManager } from './image-manager';
import { LocalizedFields } from './localized-fields';
import { SubjectsFieldset } from './subjects-fieldset';
import { VehiclesFieldset } from './vehicles-fieldset';

interface Props {
  appeal?: StaffAppeal;
  agencyName: string;
  readOnly: boolean;
  onSaved: (appeal: StaffAppeal, created: boolean) => void;
}

const LIMITS = { title: 120, summary: 300, body: 10_000, caution: 300, terms: 2_000 } as const;

/** The PIO's form: FR and EN side by side, structured subjects, reward, images; the preview beside it. */
export function AppealEditor({ appeal, agencyName, readOnly, onSaved }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const api = useAppealForm({ appeal, onSaved, formRef });
  const { form, fieldError } = api;
  const { register, control } = form;
  const kind = useWatch({ control, name: 'kind' });
  const rewardOffered = useWatch({ control, name: 'rewardOffered' });
  const needsExpiry = kind ? APPEAL_KIND_RULES[kind]?.requiresExpiry : false;

  return (
    <div className="editor-layout">
      <form ref={formRef} className="form editor" noValidate onSubmit={(event) => void api.save(event)}>
        {api.stale && (
          <Notice
            tone="error"
            title={t('desk.editor.staleTitle')}
            action={
              <button type="button" className="button button--secondary" onClick={() => void api.reload()}>
                {t('desk.editor.reload')}
              </button>
            }
          >
            <p>{t('desk.editor.staleBody')}</p>
          </Notice>
        )}
        {api.formError && (
          <Notice tone="error" title={api.formError}>
            {api.unplaced.length > 0 && (
              <ul>
                {api.unplaced.map((message) => (
                  <li key={message} lang="en">
                    {message}
                  </li>
                ))}
              </ul>
            )}
          </Notice>
        )}
        {api.notice && (
          <Notice tone="success">
            {api.notice === 'submitted' ? t('desk.editor.submitted') : t('desk.editor.saved')}
          </Notice>
        )}

        <fieldset className="editor__fields" disabled={readOnly || api.busy}>
          <legend className="visually-hidden">{t('desk.editor.contentLegend')}</legend>
          <section className="editor-section" aria-labelledby="kind-heading">
            <h3 id="kind-heading">{t('desk.editor.kindHeading')}</h3>
            {appeal ? (
              <p className={`badge badge--${appealKindFamily(appeal.kind)}`}>
                {t(`appeals.kind.${appealKindFamily(appeal.kind)}`)}
              </p>
            ) : (
              <SelectField label={t('desk.editor.kind')} error={fieldError('kind')} {...register('kind')}>
                <option value="">{t('desk.editor.choose')}</option>
                {Object.values(AppealKind).map((value) => (
                  <option key={value} value={value}>
                    {t(`appeals.kind.${appealKindFamily(value)}`)}
                  </option>
                ))}
              </SelectField>
            )}
          </section>

          <section className="editor-section" aria-labelledby="texts-heading">
            <h3 id="texts-heading">{t('desk.editor.textsHeading')}</h3>
            <p className="field__hint">{t('desk.editor.textsHint')}</p>
            <LocalizedFields
              path="content.title"
              legend={t('desk.editor.title')}
              error={fieldError('content.title')}
              register={register}
              maxLength={LIMITS.title}
              required
            />
            <LocalizedFields
              path="content.summary"
              legend={t('desk.editor.summary')}
              hint={t('desk.editor.summaryHint')}
              error={fieldError('content.summary')}
              register={register}
              multiline
              rows={3}
              maxLength={LIMITS.summary}
              required
            />
            <LocalizedFields
              path="content.body"
              legend={t('desk.editor.body')}
              error={fieldError('content.body')}
              register={register}
              multiline
              rows={8}
              maxLength={LIMITS.body}
            />
            <LocalizedFields
              path="content.caution"
              legend={t('desk.editor.caution')}
              hint={t('desk.editor.cautionHint')}
              error={fieldError('content.caution')}
              register={register}
              maxLength={LIMITS.caution}
            />
          </section>

          <SubjectsFieldset form={form} kind={kind} fieldError={fieldError} />

          <section className="editor-section" aria-labelledby="last-seen-heading">
            <h3 id="last-seen-heading">{t('desk.editor.lastSeen.heading')}</h3>
            <LocalizedFields
              path="content.lastSeen.place"
              legend={t('desk.editor.lastSeen.place')}
              error={fieldError('content.lastSeen.place')}
              register={register}
              maxLength={300}
            />
            <div className="field-grid">
              <TextField
                label={t('desk.editor.lastSeen.latitude')}
                hint={t('desk.editor.lastSeen.latitudeHint')}
                inputMode="decimal"
                error={fieldError('content.lastSeen.latitude')}
                {...register('content.lastSeen.latitude')}
              />
              <TextField
                label={t('desk.editor.lastSeen.longitude')}
                hint={t('desk.editor.lastSeen.longitudeHint')}
                inputMode="decimal"
                error={fieldError('content.lastSeen.longitude')}
                {...register('content.lastSeen.longitude')}
              />
              <TextField
                label={t('desk.editor.lastSeen.at')}
                type="datetime-local"
                error={fieldError('content.lastSeen.at')}
                {...register('content.lastSeen.at')}
              />
            </div>
          </section>

          <VehiclesFieldset form={form} fieldError={fieldError} />

          <section className="editor-section" aria-labelledby="reward-heading">
            <h3 id="reward-heading">{t('desk.editor.reward.heading')}</h3>
            <div className="checkbox">
              <input id="reward-offered" type="checkbox" {...register('rewardOffered')} />
              <label htmlFor="reward-offered">{t('desk.editor.reward.offered')}</label>
            </div>
            {rewardOffered && (
              <>
                <div className="field-grid">
                  <TextField
                    label={t('desk.editor.reward.amount')}
                    inputMode="decimal"
                    error={fieldError('content.reward.amount')}
                    {...register('content.reward.amount')}
                  />
                  <SelectField
                    label={t('desk.editor.reward.currency')}
                    error={fieldError('content.reward.currency')}
                    {...register('content.reward.currency')}
                  >
                    {CURRENCIES.map((currency) => (
                      <option key={currency} value={currency}>
                        {currency}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    label={t('desk.editor.reward.expiresAt')}
                    type="date"
                    error={fieldError('content.reward.expiresAt')}
                    {...register('content.reward.expiresAt')}
                  />
                </div>
                <LocalizedFields
                  path="content.reward.terms"
                  legend={t('desk.editor.reward.terms')}
                  error={fieldError('content.reward.terms')}
                  register={register}
                  multiline
                  rows={3}
                  maxLength={LIMITS.terms}
                  required
                />
              </>
            )}
          </section>

          <section className="editor-section" aria-labelledby="expiry-heading">
            <h3 id="expiry-heading">{t('desk.editor.expiry.heading')}</h3>
            <TextField
              label={
                needsExpiry
                  ? `${t('desk.editor.expiry.label')} ${t('desk.editor.required')}`
                  : t('desk.editor.expiry.label')
              }
              hint={needsExpiry ? t('desk.editor.expiry.amberHint') : t('desk.editor.expiry.hint')}
              type="datetime-local"
              required={needsExpiry}
              error={fieldError('content.expiresAt')}
              {...register('content.expiresAt')}
            />
          </section>

          <ImageManager api={api} staffImages={appeal?.images ?? []} disabled={readOnly} />
        </fieldset>

        {!readOnly && (
          <div className="editor__actions">
            <button type="submit" className="button button--secondary" disabled={api.busy}>
              {api.appealId ? t('desk.editor.save') : t('desk.editor.create')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={api.busy}
              onClick={(event) => void api.submitForReview(event)}
            >
              {t('desk.editor.submit')}
            </button>
            {form.formState.isDirty && <span className="editor__dirty">{t('desk.editor.unsaved')}</span>}
          </div>
        )}
      </form>
      <aside className="editor-layout__preview" aria-label={t('desk.preview.heading')}>
        <AppealPreviewPanel control={control} kind={kind} appeal={appeal} agencyName={agencyName} />
      </aside>
    </div>
  );
}
