import {
  APPEAL_KIND_WORDING,
  AppealKind,
  AppealUpdateKind,
  pickLocale,
  PublicAppeal,
  RESOLVED_INSTRUCTION,
} from '@vigie/common';
import type { SocialNetworkLimits } from '../networks/social-network';
import { TOO_LONG_PREFIX } from './post-failure';

export type PostLanguage = 'fr' | 'en';

/** What a post says about one publication of an appeal. */
export type PostSubject =
  | { event: 'APPROVED' }
  | { event: 'UPDATE'; update: { kind: AppealUpdateKind; text: { fr?: string; en?: string } } }
  | { event: 'RESOLVED' };

/** One post as it will be sent (or why it cannot be), made before approval for the supervisor to read. */
export interface ComposedPost {
  language: PostLanguage;
  text: string;
  /** Counted as the network counts it (graphemes, a link as the network counts links). */
  length: number;
  link: string;
  /** The appeal image posted with it and its alt text, on the first post only. */
  image: { imageId: string; altText: string } | null;
  /** Whether the body was shortened to fit the network. */
  shortened: boolean;
  /** Why it cannot be posted as is (nothing is sent); null when it can. */
  problem: string | null;
}

/** The tags people follow for each kind, in each language (#AlerteAMBER is what Québec uses). */
const HASHTAGS: Record<AppealKind, Record<PostLanguage, string>> = {
  [AppealKind.AMBER_ALERT]: { fr: '#AlerteAMBER', en: '#AMBERAlert' },
  [AppealKind.MISSING_PERSON]: { fr: '#PersonneDisparue', en: '#MissingPerson' },
  [AppealKind.WANTED]: { fr: '#Recherché', en: '#Wanted' },
  [AppealKind.UNIDENTIFIED_PERSON]: { fr: '#AidezÀIdentifier', en: '#HelpIdentify' },
  [AppealKind.WITNESS_APPEAL]: { fr: '#AppelÀTémoins', en: '#WitnessAppeal' },
};

const UPDATE_LABEL: Record<AppealUpdateKind, Record<PostLanguage, string>> = {
  [AppealUpdateKind.UPDATE]: { fr: 'Mise à jour', en: 'Update' },
  [AppealUpdateKind.RUMOUR_CORRECTION]: { fr: 'Rectification', en: 'Correction' },
};

const COMPOSITE: Record<PostLanguage, string> = {
  fr: 'Portrait-robot, pas une photographie',
  en: 'Composite sketch, not a photograph',
};

const OUTCOME: Record<string, Record<PostLanguage, string>> = {
  ARRESTED: { fr: 'Arrestation', en: 'Arrested' },
  FOUND_SAFE: { fr: 'Retrouvé(e) sain(e) et sauf(ve)', en: 'Found safe' },
  FOUND_DECEASED: { fr: 'Retrouvé(e)', en: 'Found' },
  IDENTIFIED: { fr: 'Identifié(e)', en: 'Identified' },
  CANCELLED: { fr: 'Avis annulé', en: 'Appeal cancelled' },
};

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);
const URL_PATTERN = /https?:\/\/\S+/g;

/** A text's length as the network counts it: graphemes, every link as `linkLength` where it says so. */
export function networkLength(text: string, limits: Pick<SocialNetworkLimits, 'linkLength'>): number {
  if (limits.linkLength === null) return graphemes(text).length;
  const links = text.match(URL_PATTERN) ?? [];
  return graphemes(text.replace(URL_PATTERN, '')).length + links.length * limits.linkLength;
}

/** Cuts a text to `max` graphemes at a word where it can, with an ellipsis. */
function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = graphemes(flat);
  if (chars.length <= max) return flat;
  if (max <= 1) return '';
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > head.length * 0.6 ? head.slice(0, space) : head).replace(/[\s,.;:]+$/, '')}…`;
}

/**
 * The post one network gets for a publication, in one language: a head line (kind and title, the
 * update's label, or the outcome), the body (summary, update text or "stop sharing"), the page's
 * link and the kind's hashtag. Only the body is shortened, then the head; if even the head, link
 * and tag cannot fit, the post is refused with the reason rather than cut mid-link.
 */
/**
 * A title the PIO already led with a label of their own ("Disparue : Léa Roy, 14 ans", "Missing:
 * Léa Tremblay"): the label and what follows it. Posts then do not add the kind's label before it
 * ("Personne disparue : Disparue : …"), and an outcome replaces the label instead of preceding it.
 */
const OWN_LABEL = /^([^:\n]{1,40}?)\s*:\s+(\S.*)$/s;

function splitTitle(title: string): { ownLabel: boolean; bare: string } {
  const match = OWN_LABEL.exec(title);
  return match ? { ownLabel: true, bare: match[2] } : { ownLabel: false, bare: title };
}

export function composePost(
  appeal: PublicAppeal,
  subject: PostSubject,
  language: PostLanguage,
  limits: SocialNetworkLimits,
  withImage: boolean,
): ComposedPost {
  const title = pickLocale(appeal.title, language);
  const colon = language === 'fr' ? ' : ' : ': ';
  const kindLabel = APPEAL_KIND_WORDING[appeal.kind].label[language];
  const { ownLabel, bare } = splitTitle(title);
  const labelled = ownLabel ? title : `${kindLabel}${colon}${title}`;
  let head: string;
  let body: string;
  if (subject.event === 'APPROVED') {
    head = labelled;
    body = pickLocale(appeal.summary, language);
  } else if (subject.event === 'UPDATE') {
    head = `${UPDATE_LABEL[subject.update.kind][language]}${colon}${title}`;
    body = subject.update.text[language] ?? subject.update.text.fr ?? subject.update.text.en ?? '';
  } else {
    const outcome = appeal.outcome ?? appeal.resolution?.outcome;
    head = outcome ? `${OUTCOME[outcome][language]}${colon}${bare}` : labelled;
    body = RESOLVED_INSTRUCTION[language];
  }
  const link = language === 'fr' ? appeal.links.page : `${appeal.links.page}?lang=en`;
  const tail = `${link}\n${HASHTAGS[appeal.kind][language]}`;

  const assemble = (h: string, b: string) => [h, b, tail].filter(Boolean).join('\n\n');
  const max = limits.maxTextLength;
  let text = assemble(head, body);
  let shortened = false;
  if (networkLength(text, limits) > max) {
    shortened = true;
    const room = max - networkLength(assemble(head, ''), limits) - 2;
    text = room > 20 ? assemble(head, cut(body, room)) : assemble(head, '');
    if (networkLength(text, limits) > max) {
      const headRoom = max - networkLength(assemble('', ''), limits) - 2;
      text = headRoom > 10 ? assemble(cut(head, headRoom), '') : text;
    }
  }
  const length = networkLength(text, limits);
  const problem = length > max ? `${TOO_LONG_PREFIX}${length} characters; this network takes ${max}` : null;

  const first = appeal.images[0];
  let image: ComposedPost['image'] = null;
  if (withImage && first && limits.maxImages > 0) {
    const alt = [pickLocale(first.alt, language) || labelled]
      .concat(first.isComposite ? [COMPOSITE[language]] : [])
      .join(' — ');
    image = { imageId: first.id, altText: cut(alt, limits.maxAltTextLength) };
  }
  return { language, text, length, link, image, shortened, problem };
}
