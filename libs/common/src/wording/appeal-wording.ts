import { AppealKind, AppealOutcome } from '../enums/appeal.enum';

export type PublicLang = 'fr' | 'en';
type Both = Record<PublicLang, string>;

/**
 * What the public is told to do, per kind of appeal, in each language. The page, the poster, the
 * feeds and CAP all read it from here, so a missing person is never "do not approach" in one
 * channel and "stay with them" in another.
 */
export interface KindWording {
  /** The kind's name on a banner or in a feed. */
  label: Both;
  /** The CAP `event`: what alerting systems announce. */
  event: Both;
  /** What to do on seeing the person (or for a witness appeal, what to send). */
  instruction: Both;
}

export const APPEAL_KIND_WORDING: Record<AppealKind, KindWording> = {
  [AppealKind.WANTED]: {
    label: { fr: 'Recherché', en: 'Wanted' },
    event: { fr: 'Personne recherchée', en: 'Wanted person' },
    instruction: {
      fr: 'Si vous voyez cette personne, ne l’approchez pas : composez le 911.',
      en: 'If you see this person, do not approach them: call 911.',
    },
  },
  [AppealKind.MISSING_PERSON]: {
    label: { fr: 'Personne disparue', en: 'Missing person' },
    event: { fr: 'Personne disparue', en: 'Missing person' },
    instruction: {
      fr: 'Si vous voyez cette personne, restez avec elle si vous pouvez le faire sans danger et composez le 911.',
      en: 'If you see this person, stay with them if it is safe to do so and call 911.',
    },
  },
  [AppealKind.AMBER_ALERT]: {
    label: { fr: 'Alerte AMBER', en: 'AMBER Alert' },
    event: { fr: 'Alerte AMBER – enlèvement d’enfant', en: 'AMBER Alert – child abduction' },
    instruction: {
      fr: 'Si vous voyez l’enfant, le suspect ou le véhicule, composez immédiatement le 911. N’intervenez pas vous-même.',
      en: 'If you see the child, the suspect or the vehicle, call 911 immediately. Do not intervene yourself.',
    },
  },
  [AppealKind.UNIDENTIFIED_PERSON]: {
    label: { fr: 'Personne à identifier', en: 'Unidentified person' },
    event: { fr: 'Personne à identifier', en: 'Unidentified person' },
    instruction: {
      fr: 'Si vous reconnaissez cette personne, transmettez son nom ou tout renseignement à la police.',
      en: 'If you recognize this person, send the police their name or anything you know.',
    },
  },
  [AppealKind.WITNESS_APPEAL]: {
    label: { fr: 'Appel à témoins', en: 'Witnesses sought' },
    event: { fr: 'Appel à témoins', en: 'Appeal for witnesses' },
    instruction: {
      fr: 'Si vous avez été témoin ou avez des photos ou des vidéos, transmettez-les à la police.',
      en: 'If you saw what happened or have photos or videos, send them to the police.',
    },
  },
};

/** How the public can reach the agency: the same words under every appeal, with its tip address. */
export function contactWording(tipForm: string, lang: PublicLang, phone?: string | null): string {
  const call = phone ? { fr: ` ou au ${phone}`, en: ` or call ${phone}` }[lang] : '';
  return {
    fr: `Urgence : 911. Pour toute information, de façon anonyme si vous le souhaitez : ${tipForm}${call}`,
    en: `Emergency: 911. To send information, anonymously if you wish: ${tipForm}${call}`,
  }[lang];
}

export const OUTCOME_LABEL: Record<AppealOutcome, Both> = {
  [AppealOutcome.ARRESTED]: { fr: 'Arrêté', en: 'Arrested' },
  [AppealOutcome.FOUND_SAFE]: { fr: 'Retrouvé sain et sauf', en: 'Found safe' },
  [AppealOutcome.FOUND_DECEASED]: { fr: 'Retrouvé sans vie', en: 'Found deceased' },
  [AppealOutcome.IDENTIFIED]: { fr: 'Identifié', en: 'Identified' },
  [AppealOutcome.CANCELLED]: { fr: 'Annulé', en: 'Cancelled' },
};

/**
 * The headline of a resolved appeal, written for the kind so the grammar holds ("personne
 * retrouvée saine et sauve"). It replaces the title where the person must no longer be named.
 */
const RESOLVED_HEADLINE: Partial<Record<AppealKind, Partial<Record<AppealOutcome, Both>>>> = {
  [AppealKind.MISSING_PERSON]: {
    [AppealOutcome.FOUND_SAFE]: {
      fr: 'Personne disparue retrouvée saine et sauve',
      en: 'Missing person found safe',
    },
    [AppealOutcome.FOUND_DECEASED]: {
      fr: 'Personne disparue retrouvée sans vie',
      en: 'Missing person found deceased',
    },
    [AppealOutcome.CANCELLED]: {
      fr: 'Avis de disparition annulé',
      en: 'Missing person appeal cancelled',
    },
  },
  [AppealKind.AMBER_ALERT]: {
    [AppealOutcome.FOUND_SAFE]: {
      fr: 'Alerte AMBER terminée : l’enfant a été retrouvé sain et sauf',
      en: 'AMBER Alert ended: the child was found safe',
    },
    [AppealOutcome.FOUND_DECEASED]: {
      fr: 'Alerte AMBER terminée : l’enfant a été retrouvé sans vie',
      en: 'AMBER Alert ended: the child was found deceased',
    },
    [AppealOutcome.CANCELLED]: { fr: 'Alerte AMBER annulée', en: 'AMBER Alert cancelled' },
  },
  [AppealKind.WANTED]: {
    [AppealOutcome.ARRESTED]: { fr: 'Personne recherchée arrêtée', en: 'Wanted person arrested' },
  },
  [AppealKind.UNIDENTIFIED_PERSON]: {
    [AppealOutcome.IDENTIFIED]: { fr: 'Personne identifiée', en: 'Person identified' },
  },
};

export function resolvedHeadline(kind: AppealKind, outcome: AppealOutcome, lang: PublicLang): string {
  const written = RESOLVED_HEADLINE[kind]?.[outcome]?.[lang];
  if (written) return written;
  const colon = lang === 'fr' ? ' : ' : ': ';
  return `${APPEAL_KIND_WORDING[kind].label[lang]}${colon}${OUTCOME_LABEL[outcome][lang].toLowerCase()}`;
}

/** What the public is told once an appeal is resolved: nothing more to do, stop sharing. */
export const RESOLVED_INSTRUCTION: Both = {
  fr: 'Cet avis est terminé : aucune action n’est requise. Merci de ne plus le partager.',
  en: 'This appeal has ended: no action is needed. Please stop sharing it.',
};
