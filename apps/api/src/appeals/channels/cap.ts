import {
  APPEAL_KIND_WORDING,
  AppealKind,
  AppealUpdate,
  contactWording,
  DESCRIPTION_TERMS,
  languageName,
  OUTCOME_LABEL,
  pickLocale,
  PublicAppeal,
  RESOLVED_INSTRUCTION,
  resolvedHeadline,
  SubjectDto,
  termLabel,
} from '@vigie/common';
import { escapeMarkup } from '../../common/markup';
import { formatReward, Lang } from './channel-language';

/** One message in an appeal's CAP history: every published version and every published update. */
export interface CapMessageRef {
  identifier: string;
  sent: Date;
}

/** Who signs an agency's CAP messages: its slug at the portal's host. */
export function capSender(agencySlug: string, publicUrl: string): string {
  return `${agencySlug}@${new URL(publicUrl).hostname}`;
}

/** CAP forbids "Z" and fractions: UTC is written with an explicit -00:00. */
export function capTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '-00:00');
}

const CAP_LANG: Record<Lang, string> = { fr: 'fr-CA', en: 'en-CA' };
const UPDATE_PREFIX: Record<Lang, string> = { fr: 'Mise à jour', en: 'Update' };

/** One person in one language: only that language's words, from the vocabularies or the agency's text. */
function describeSubject(s: SubjectDto, lang: Lang): string {
  const colon = lang === 'fr' ? ' : ' : ': ';
  const parts = [
    s.name,
    s.sex &&
      (lang === 'fr'
        ? { MALE: 'homme', FEMALE: 'femme', OTHER: 'autre', UNKNOWN: '' }
        : { MALE: 'male', FEMALE: 'female', OTHER: 'other', UNKNOWN: '' })[s.sex],
    s.ageMin !== undefined &&
      (s.ageMin === s.ageMax || s.ageMax === undefined
        ? `${s.ageMin} ${lang === 'fr' ? 'ans' : 'years'}`
        : `${s.ageMin}-${s.ageMax} ${lang === 'fr' ? 'ans' : 'years'}`),
    s.heightMinCm &&
      `${s.heightMinCm}${s.heightMaxCm && s.heightMaxCm !== s.heightMinCm ? `-${s.heightMaxCm}` : ''} cm`,
    ...DESCRIPTION_TERMS.map(({ field, vocabulary, label }) => {
      const term = termLabel(vocabulary, s[field], lang);
      return term && `${label[lang].toLowerCase()}${colon}${term.toLowerCase()}`;
    }),
    s.languages?.length &&
      `${lang === 'fr' ? 'parle' : 'speaks'} ${s.languages.map((c) => languageName(c, lang)).join(', ')}`,
    pickLocale(s.description, lang),
    pickLocale(s.clothing, lang),
    pickLocale(s.scarsAndMarks, lang),
  ];
  return parts.filter(Boolean).join(', ');
}

/**
 * One language's <info>. Headline, description, instruction, web and contact come from the
 * kind's public wording (the page shows the same), and a Cancel says the outcome instead.
 */
function info(appeal: PublicAppeal, lang: Lang, cancel: boolean, update: AppealUpdate | undefined): string {
  const amber = appeal.kind === AppealKind.AMBER_ALERT;
  const wording = APPEAL_KIND_WORDING[appeal.kind];
  const event = wording.event[lang];
  const title = pickLocale(appeal.title, lang);
  const colon = lang === 'fr' ? ' : ' : ': ';
  const outcome = appeal.outcome ? resolvedHeadline(appeal.kind, appeal.outcome, lang) : '';
  const headline = cancel
    ? outcome || `${OUTCOME_LABEL.CANCELLED[lang]}${colon}${title}`
    : update
      ? `${UPDATE_PREFIX[lang]}${colon}${title}`
      : title;
  const vehicles = appeal.vehicles.map((v) =>
    [v.year, v.colour, v.make, v.model, v.plate && `(${v.plate}${v.plateRegion ? `, ${v.plateRegion}` : ''})`]
      .filter(Boolean)
      .join(' '),
  );
  const description = cancel
    ? [headline, pickLocale(appeal.resolution?.note, lang)].filter(Boolean).join('\n')
    : [
        update && pickLocale(update.text, lang),
        pickLocale(appeal.summary, lang),
        pickLocale(appeal.body, lang),
        ...appeal.subjects.map((s) => describeSubject(s, lang)),
        ...vehicles.map((v) => `${lang === 'fr' ? 'Véhicule' : 'Vehicle'}: ${v}`),
        appeal.reward
          ? `${lang === 'fr' ? 'Récompense' : 'Reward'}: ${formatReward(appeal.reward.amount, appeal.reward.currency, lang)}`
          : '',
      ]
        .filter(Boolean)
        .join('\n');
  const image = !cancel ? appeal.images[0] : undefined;
  const lastSeen = appeal.lastSeen;
  const place = pickLocale(lastSeen?.place, lang) || appeal.agency.name;
  const web = lang === 'fr' ? appeal.links.page : `${appeal.links.page}?lang=en`;
  const tipForm = lang === 'fr' ? appeal.links.tipForm : `${appeal.links.tipForm}&lang=en`;
  // The agency's own caution (e.g. "armed") first, then what the kind tells everyone to do.
  const instruction = cancel
    ? RESOLVED_INSTRUCTION[lang]
    : [pickLocale(appeal.caution, lang), wording.instruction[lang]].filter(Boolean).join(' ');
  const e = escapeMarkup;
  return `  <info>
    <language>${CAP_LANG[lang]}</language>
    <category>Rescue</category>
    <event>${e(event)}</event>
    <responseType>${cancel ? 'AllClear' : 'Monitor'}</responseType>
    <urgency>${cancel ? 'Past' : amber ? 'Immediate' : 'Expected'}</urgency>
    <severity>${cancel ? 'Minor' : amber ? 'Severe' : 'Moderate'}</severity>
    <certainty>${cancel ? 'Observed' : 'Likely'}</certainty>
${amber ? '    <eventCode>\n      <valueName>SAME</valueName>\n      <value>CAE</value>\n    </eventCode>\n' : ''}${appeal.expiresAt && !cancel ? `    <expires>${capTime(new Date(appeal.expiresAt))}</expires>\n` : ''}    <senderName>${e(appeal.agency.name)}</senderName>
    <headline>${e(headline.slice(0, 160))}</headline>
    <description>${e(description)}</description>
    <instruction>${e(instruction)}</instruction>
    <web>${e(web)}</web>
    <contact>${e(contactWording(tipForm, lang))}</contact>
${image ? `    <resource>\n      <resourceDesc>${e(image.isComposite ? (lang === 'fr' ? 'Portrait-robot' : 'Composite sketch') : 'Photo')}</resourceDesc>\n      <mimeType>image/jpeg</mimeType>\n      <uri>${e(new URL(image.full.jpeg, appeal.links.page).href)}</uri>\n    </resource>\n` : ''}    <area>
      <areaDesc>${e(place)}</areaDesc>
${lastSeen?.latitude !== undefined && lastSeen.longitude !== undefined && !cancel ? `      <circle>${lastSeen.latitude},${lastSeen.longitude} ${amber ? 100 : 25}</circle>\n` : ''}    </area>
  </info>`;
}

/**
 * The appeal as a CAP 1.2 message for alerting systems: the latest message in its history, with
 * one <info> per language. The first publication is an Alert, later versions and updates are
 * Updates that reference every earlier message, and resolution is a Cancel.
 */
export function capMessage(appeal: PublicAppeal, history: CapMessageRef[], sender: string): string {
  const latest = history[history.length - 1];
  const earlier = history.slice(0, -1);
  const cancel = appeal.status === 'RESOLVED';
  // An update's identifier ends in its id's first characters (see capHistory): say what it added.
  const updateId = /-u([0-9a-f]{8})$/.exec(latest.identifier)?.[1];
  const update = updateId ? appeal.updates.find((u) => u.id.startsWith(updateId)) : undefined;
  const msgType = cancel ? 'Cancel' : earlier.length === 0 ? 'Alert' : 'Update';
  const references = earlier.map((m) => `${sender},${m.identifier},${capTime(m.sent)}`).join(' ');
  const langs: Lang[] = (['fr', 'en'] as Lang[]).filter((l) => appeal.title[l]?.trim());
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${escapeMarkup(latest.identifier)}</identifier>
  <sender>${escapeMarkup(sender)}</sender>
  <sent>${capTime(latest.sent)}</sent>
  <status>Actual</status>
  <msgType>${msgType}</msgType>
  <scope>Public</scope>
${references ? `  <references>${escapeMarkup(references)}</references>\n` : ''}${langs.map((l) => info(appeal, l, cancel, update)).join('\n')}
</alert>
`;
}
