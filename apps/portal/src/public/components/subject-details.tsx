import { DESCRIPTION_TERMS, languageName, termLabel, type SubjectDto } from '@vigie/common';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRange } from '../../shared/i18n/format';
import type { PortalLanguage } from '../../shared/i18n/language';
import { langOf, pickText } from '../api/appeal-card-view';

interface Props {
  subject: SubjectDto;
  lang: PortalLanguage;
  headingLevel: 'h3' | 'h6';
}

/** One person's description, as a list of facts; facts the agency did not give are left out. */
export function SubjectDetails({ subject, lang, headingLevel: Heading }: Props) {
  const { t } = useTranslation(undefined, { lng: lang });
  const age = formatRange(subject.ageMin, subject.ageMax);
  const height = formatRange(subject.heightMinCm, subject.heightMaxCm);
  const weight = formatRange(subject.weightMinKg, subject.weightMaxKg);
  const clothing = pickText(subject.clothing, lang);
  const marks = pickText(subject.scarsAndMarks, lang);
  const description = pickText(subject.description, lang);
  // Coded terms in this page's own language: never "Cheveux : Brown" on a French page.
  const term = (field: (typeof DESCRIPTION_TERMS)[number]['field']) => {
    const entry = DESCRIPTION_TERMS.find((d) => d.field === field)!;
    return termLabel(entry.vocabulary, subject[field], lang);
  };
  const list = (values?: string[]) => (values ?? []).filter((v) => v.trim()).join(', ');

  const facts: [string, ReactNode, string?][] = [
    [t('appeal.facts.aliases'), list(subject.aliases)],
    [t('appeal.facts.sex'), subject.sex ? t(`appeal.sex.${subject.sex}`) : ''],
    [t('appeal.facts.age'), age ? t('appeal.facts.ageValue', { range: age }) : ''],
    [t('appeal.facts.height'), height ? t('appeal.facts.cm', { range: height }) : ''],
    [t('appeal.facts.weight'), weight ? t('appeal.facts.kg', { range: weight }) : ''],
    [t('appeal.facts.race'), term('race')],
    [t('appeal.facts.hair'), term('hair')],
    [t('appeal.facts.eyes'), term('eyes')],
    [t('appeal.facts.build'), term('build')],
    [t('appeal.facts.description'), description?.text, langOf(description, lang)],
    [t('appeal.facts.scarsAndMarks'), marks?.text, langOf(marks, lang)],
    [t('appeal.facts.clothing'), clothing?.text, langOf(clothing, lang)],
    [
      t('appeal.facts.languages'),
      (subject.languages ?? []).map((code) => languageName(code, lang)).join(', '),
    ],
  ];
  const shown = facts.filter(([, value]) => Boolean(value));

  return (
    <div className="subject">
      <Heading className="subject__heading">
        <span className="subject__role">{t(`appeal.role.${subject.role}`)}</span>
        {subject.name?.trim() && <span className="subject__name">{subject.name}</span>}
      </Heading>
      {shown.length > 0 && (
        <dl className="facts">
          {shown.map(([label, value, valueLang]) => (
            <div key={label} className="facts__row">
              <dt>{label}</dt>
              <dd lang={valueLang}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
