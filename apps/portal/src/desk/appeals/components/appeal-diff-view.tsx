import { DESCRIPTION_TERMS, languageName, termLabel, type StaffAppeal } from '@vigie/common';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { countChanges, diffAppealContent, type FieldDiff } from '../api/appeal-diff';

/** Labels for the diff's rows, from the editor's own labels so a reviewer reads what the author saw. */
function rowLabel(t: TFunction, row: FieldDiff): string {
  const [head, index] = row.section.split('.');
  const n = Number(index) + 1;
  const field = row.field;
  const lang = row.lang ? ` (${row.lang.toUpperCase()})` : '';
  const facts: Record<string, string> = {
    role: t('desk.editor.subjects.role'),
    name: t('desk.editor.subjects.name'),
    aliases: t('desk.editor.subjects.aliases'),
    sex: t('desk.editor.subjects.sex'),
    ageMin: `${t('desk.editor.subjects.age')} · ${t('desk.editor.subjects.min')}`,
    ageMax: `${t('desk.editor.subjects.age')} · ${t('desk.editor.subjects.max')}`,
    heightMinCm: `${t('desk.editor.subjects.height')} · ${t('desk.editor.subjects.min')}`,
    heightMaxCm: `${t('desk.editor.subjects.height')} · ${t('desk.editor.subjects.max')}`,
    weightMinKg: `${t('desk.editor.subjects.weight')} · ${t('desk.editor.subjects.min')}`,
    weightMaxKg: `${t('desk.editor.subjects.weight')} · ${t('desk.editor.subjects.max')}`,
    race: t('appeal.facts.race'),
    hair: t('appeal.facts.hair'),
    eyes: t('appeal.facts.eyes'),
    build: t('appeal.facts.build'),
    description: t('appeal.facts.description'),
    scarsAndMarks: t('appeal.facts.scarsAndMarks'),
    clothing: t('appeal.facts.clothing'),
    languages: t('appeal.facts.languages'),
  };
  switch (head) {
    case 'title':
    case 'summary':
    case 'body':
    case 'caution':
      return `${t(`desk.editor.${head}`)}${lang}`;
    case 'expiresAt':
      return t('desk.editor.expiry.label');
    case 'subjects':
      return `${t('desk.editor.subjects.legend', { n })} · ${facts[field] ?? field}${lang}`;
    case 'vehicles':
      return `${t('desk.editor.vehicles.legend', { n })} · ${
        ['make', 'model', 'colour', 'year', 'plate', 'plateRegion'].includes(field)
          ? t(`desk.editor.vehicles.${field as 'make'}`)
          : field
      }`;
    case 'lastSeen':
      return `${t('desk.editor.lastSeen.heading')} · ${
        ['place', 'latitude', 'longitude', 'at'].includes(field)
          ? t(`desk.editor.lastSeen.${field as 'place'}`)
          : field
      }${lang}`;
    case 'reward':
      return `${t('desk.editor.reward.heading')} · ${
        ['amount', 'currency', 'terms', 'expiresAt'].includes(field)
          ? t(`desk.editor.reward.${field as 'amount'}`)
          : field
      }${lang}`;
    case 'images':
      return `${t('desk.images.number', { n })} · ${
        field === 'id'
          ? t('desk.diff.imageFile')
          : field === 'isComposite'
            ? t('desk.images.composite')
            : t('desk.images.alt')
      }${lang}`;
    default:
      return row.path;
  }
}

interface Props {
  appeal: StaffAppeal;
}

/**
 * The working copy beside the live version, field by field. Changed fields are marked in words and by
 * colour; a never-published appeal shows every field as new. Images show as thumbnails.
 */
export function AppealDiffView({ appeal }: Props) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const [onlyChanges, setOnlyChanges] = useState(false);
  const diff = diffAppealContent(appeal.live?.content, appeal.draft);
  const shown = onlyChanges ? diff.filter((row) => row.change !== 'same') : diff;
  const images = new Map(appeal.images.map((image) => [image.id, image]));
  const checkboxId = `only-changes-${appeal.id}`;

  const value = (row: FieldDiff, text: string | null) => {
    if (text === null) return <span className="diff__empty">{t('desk.diff.empty')}</span>;
    if (row.field === 'id' && row.section.startsWith('images.')) {
      const image = images.get(text);
      return image ? (
        <img
          className="diff__thumb"
          src={image.thumb.jpeg}
          width={image.thumb.width}
          height={image.thumb.height}
          alt={t('desk.diff.imageAlt')}
        />
      ) : (
        text
      );
    }
    if (row.field === 'isComposite') return text === 'true' ? t('desk.diff.yes') : t('desk.diff.no');
    if (
      row.path === 'expiresAt' ||
      row.field === 'at' ||
      (row.section === 'reward' && row.field === 'expiresAt')
    )
      return formatDate(text, lang, true) ?? text;
    if (row.field === 'role') return t(`appeal.role.${text as 'SUSPECT'}`);
    if (row.field === 'sex') return t(`appeal.sex.${text as 'MALE'}`);
    // Coded terms read as words in the desk's language; a value from before the lists, as written.
    const term = DESCRIPTION_TERMS.find((d) => row.section.startsWith('subjects.') && d.field === row.field);
    if (term) return termLabel(term.vocabulary, text, lang) || text;
    if (row.section.startsWith('subjects.') && row.field === 'languages')
      return text
        .split(', ')
        .map((code) => languageName(code, lang))
        .join(', ');
    return <span lang={row.lang}>{text}</span>;
  };

  return (
    <div className="diff">
      <p className="diff__summary">
        {appeal.live
          ? t('desk.diff.summary', { count: countChanges(diff), version: appeal.live.versionNo })
          : t('desk.diff.allNew')}
      </p>
      {appeal.live && (
        <div className="checkbox">
          <input
            id={checkboxId}
            type="checkbox"
            checked={onlyChanges}
            onChange={(e) => setOnlyChanges(e.target.checked)}
          />
          <label htmlFor={checkboxId}>{t('desk.diff.onlyChanges')}</label>
        </div>
      )}
      <div className="table-wrap">
        <table className="diff__table">
          <caption className="visually-hidden">{t('desk.diff.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('desk.diff.field')}</th>
              <th scope="col">{t('desk.diff.live')}</th>
              <th scope="col">{t('desk.diff.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.path} className={`diff__row diff__row--${row.change}`}>
                <th scope="row">
                  {rowLabel(t, row)}
                  {row.change !== 'same' && (
                    <span className={`diff__mark diff__mark--${row.change}`}>
                      {t(`desk.diff.change.${row.change}`)}
                    </span>
                  )}
                </th>
                <td className="diff__before">{value(row, row.before)}</td>
                <td className="diff__after">{value(row, row.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
