import { useEffect, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../shared/components/text-field';
import { useGeolocation, type FoundPosition } from '../hooks/use-geolocation';
import type { TipForm } from '../hooks/use-tip-form';
import { StepFieldset } from './step-fieldset';

/** Six decimals is about 10 cm: more would only be noise from the phone. */
const round = (value: number, decimals: number) => String(Number(value.toFixed(decimals)));

export function WhereStep({ tip }: { tip: TipForm }) {
  const { t } = useTranslation();
  const { register, setValue, control } = tip.form;
  const [latitude, longitude, accuracyM] = useWatch({
    control,
    name: ['latitude', 'longitude', 'accuracyM'],
  });
  const hasPosition = latitude !== '' && longitude !== '';

  const setPosition = ({ latitude: lat, longitude: lon, accuracy }: FoundPosition) => {
    const options = { shouldDirty: true, shouldValidate: true };
    setValue('latitude', round(lat, 6), options);
    setValue('longitude', round(lon, 6), options);
    setValue('accuracyM', String(Math.min(100_000, Math.max(0, Math.round(accuracy)))), options);
  };
  const geo = useGeolocation(setPosition);
  // The locate and remove buttons replace each other: the one that appears takes the keyboard
  // focus from the one that went, instead of leaving it on the page body.
  const locateButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'locate' | 'remove' | null>(null);
  useEffect(() => {
    if (hasPosition && focusNext.current === 'remove') removeButton.current?.focus();
    if (!hasPosition && focusNext.current === 'locate') locateButton.current?.focus();
    focusNext.current = null;
  }, [hasPosition]);

  const locate = () => {
    // While the phone looks, the button says so but stays focusable (a disabled one drops the focus).
    if (geo.status === 'locating') return;
    focusNext.current = document.activeElement === locateButton.current ? 'remove' : null;
    geo.locate();
  };

  const removePosition = () => {
    focusNext.current = document.activeElement === removeButton.current ? 'locate' : null;
    geo.reset();
    const options = { shouldDirty: true, shouldValidate: true };
    setValue('latitude', '', options);
    setValue('longitude', '', options);
    setValue('accuracyM', '', options);
  };

  const positionError =
    tip.fieldError('latitude') ?? tip.fieldError('longitude') ?? tip.fieldError('accuracyM');

  return (
    <StepFieldset legend={t('tip.where.legend')} headingRef={tip.headingRef}>
      <TextField
        label={`${t('tip.where.place')} ${t('tip.optional')}`}
        hint={t('tip.where.placeHint')}
        autoComplete="off"
        error={tip.fieldError('place')}
        {...register('place')}
      />
      <div className={positionError ? 'tip-locate field--invalid' : 'tip-locate'}>
        {hasPosition ? (
          <>
            <p className="tip-locate__found">
              {t('tip.where.coordinates', { lat: latitude, lon: longitude, metres: accuracyM || '?' })}
            </p>
            <button
              ref={removeButton}
              type="button"
              className="button button--secondary"
              onClick={removePosition}
            >
              {t('tip.where.remove')}
            </button>
          </>
        ) : (
          <button
            type="button"
            ref={locateButton}
            className="button button--secondary tip-locate__button"
            onClick={locate}
            aria-disabled={geo.status === 'locating' || undefined}
            aria-describedby="tip-locate-hint"
          >
            <svg className="tip-locate__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path
                fill="currentColor"
                d="M12 2a7 7 0 0 1 7 7c0 5.2-7 13-7 13S5 14.2 5 9a7 7 0 0 1 7-7Zm0 4.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z"
              />
            </svg>
            {t('tip.where.locate')} {t('tip.optional')}
          </button>
        )}
        <p className="field__hint" id="tip-locate-hint">
          {t('tip.where.locateHint')}
        </p>
        {positionError && (
          <p className="field__error" role="alert">
            {positionError}
          </p>
        )}
        <p className="tip-locate__status" role="status">
          {geo.status === 'locating' && t('tip.where.locating')}
          {geo.status === 'found' && hasPosition && t('tip.where.located', { metres: accuracyM })}
          {geo.status === 'denied' && t('tip.where.denied')}
          {geo.status === 'unavailable' && t('tip.where.unavailable')}
          {geo.status === 'failed' && t('tip.where.failed')}
        </p>
      </div>
    </StepFieldset>
  );
}
