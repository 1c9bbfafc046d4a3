import {
  APPEAL_KIND_RULES,
  APPEAL_KIND_WORDING,
  AppealUpdateKind,
  contactWording,
  pickLocale,
  PublicAppeal,
  PublicLang,
  RESOLVED_INSTRUCTION,
  resolvedHeadline,
  truncateText,
} from '@vigie/common';
import type { AppealPublication } from '../../jobs/job-registry';

/** What one alert says, in one language: the push notification and the e-mail are made from it. */
export interface AlertText {
  /** Notification title and e-mail subject. */
  title: string;
  /** Notification body: short, as a phone's lock screen shows it. */
  body: string;
  /** The e-mail's text: the whole message, with what to do and how to reach the police. */
  details: string;
  url: string;
}

const UPDATE_LABEL: Record<AppealUpdateKind, Record<PublicLang, string>> = {
  [AppealUpdateKind.UPDATE]: { fr: 'Mise à jour', en: 'Update' },
  [AppealUpdateKind.RUMOUR_CORRECTION]: { fr: 'Rectification', en: 'Correction' },
};

/** The button of a push notification that opens the page removing the subscription. */
export const UNSUBSCRIBE_LABEL: Record<PublicLang, string> = { fr: 'Se désabonner', en: 'Unsubscribe' };

/** Lock screens cut a notification's body near this length. */
const BODY_MAX = 180;

/**
 * The alert for a publication, in the subscriber's language (or in the one the appeal was written
 * in, when it was published in one language only: pickLocale). The words are the appeal's own and
 * the kind's shared wording (the page, feeds and CAP say the same), never anything new. Null when
 * the publication says nothing to subscribers (an update that is not public any more).
 */
export function alertText(
  appeal: PublicAppeal,
  publication: AppealPublication,
  lang: PublicLang,
): AlertText | null {
  const colon = lang === 'fr' ? ' : ' : ': ';
  const wording = APPEAL_KIND_WORDING[appeal.kind];
  const title = pickLocale(appeal.title, lang);
  const url = `${appeal.links.page}?lang=${lang}`;
  const contact = contactWording(appeal.links.tipForm, lang);
  if (publication.event === 'APPROVED') {
    const summary = pickLocale(appeal.summary, lang);
    return {
      title: labelled(wording.label[lang], title, colon),
      body: truncateText(summary, BODY_MAX),
      details: [title, summary, wording.instruction[lang], url, contact].join('\n\n'),
      url,
    };
  }
  if (publication.event === 'UPDATE') {
    const update = appeal.updates.find((u) => u.id === publication.updateId);
    if (!update) return null;
    const text = pickLocale(update.text, lang);
    return {
      title: `${UPDATE_LABEL[update.kind][lang]}${colon}${title}`,
      body: truncateText(text, BODY_MAX),
      details: [title, text, wording.instruction[lang], url, contact].join('\n\n'),
      url,
    };
  }
  if (publication.event === 'RESOLVED' && appeal.resolution) {
    const headline = APPEAL_KIND_RULES[appeal.kind].hidesPersonOnResolve
      ? resolvedHeadline(appeal.kind, appeal.resolution.outcome, lang)
      : `${resolvedHeadline(appeal.kind, appeal.resolution.outcome, lang)}${colon}${title}`;
    const note = pickLocale(appeal.resolution.note, lang);
    const body = note || RESOLVED_INSTRUCTION[lang];
    return {
      title: headline,
      body: truncateText(body, BODY_MAX),
      details: [headline, note, RESOLVED_INSTRUCTION[lang], url].filter(Boolean).join('\n\n'),
      url,
    };
  }
  return null;
}

/** "AMBER Alert: Léa, 6", unless the title already starts with the kind's name. */
function labelled(label: string, title: string, colon: string): string {
  return title.toLocaleLowerCase().startsWith(label.toLocaleLowerCase()) ? title : `${label}${colon}${title}`;
}
