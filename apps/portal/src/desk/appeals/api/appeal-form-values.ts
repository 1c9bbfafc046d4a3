import { normalizeSubjectDescription, onlyLanguage } from '@vigie/common';
import type {
  AppealContent,
  AppealImageRefDto,
  AppealKind,
  CreateAppealDto,
  LocalizedText,
  Sex,
  SubjectDto,
  SubjectRole,
  VehicleDto,
} from '@vigie/common';

/**
 * What the editor's inputs hold. Paths mirror CreateAppealDto (`content.subjects.0.ageMax`) so that the
 * DTO's and the API's error paths land on the right input; leaves are strings because inputs are.
 */
export interface LocalizedInput {
  fr: string;
  en: string;
}

export interface SubjectInput {
  role: SubjectRole | '';
  name: string;
  aliases: string;
  sex: Sex | '';
  race: string;
  ageMin: string;
  ageMax: string;
  heightMinCm: string;
  heightMaxCm: string;
  weightMinKg: string;
  weightMaxKg: string;
  hair: string;
  eyes: string;
  build: string;
  description: LocalizedInput;
  scarsAndMarks: LocalizedInput;
  clothing: LocalizedInput;
  /** Codes of SPOKEN_LANGUAGES (one checkbox each). */
  languages: string[];
}

export interface VehicleInput {
  make: string;
  model: string;
  colour: string;
  year: string;
  plate: string;
  plateRegion: string;
}

export interface ImageInput {
  id: string;
  isComposite: boolean;
  alt: LocalizedInput;
}

export interface AppealFormValues {
  kind: AppealKind | '';
  rewardOffered: boolean;
  content: {
    title: LocalizedInput;
    summary: LocalizedInput;
    body: LocalizedInput;
    caution: LocalizedInput;
    subjects: SubjectInput[];
    vehicles: VehicleInput[];
    lastSeen: { place: LocalizedInput; latitude: string; longitude: string; at: string };
    reward: { amount: string; currency: string; terms: LocalizedInput; expiresAt: string };
    images: ImageInput[];
    /** `datetime-local`, in the browser's time zone. */
    expiresAt: string;
  };
}

const localized = (text?: LocalizedText | null): LocalizedInput => ({
  fr: text?.fr ?? '',
  en: text?.en ?? '',
});
const str = (value: number | string | undefined | null) =>
  value === undefined || value === null ? '' : String(value);

export function emptySubject(role: SubjectRole | '' = ''): SubjectInput {
  return {
    role,
    name: '',
    aliases: '',
    sex: '',
    race: '',
    ageMin: '',
    ageMax: '',
    heightMinCm: '',
    heightMaxCm: '',
    weightMinKg: '',
    weightMaxKg: '',
    hair: '',
    eyes: '',
    build: '',
    description: localized(),
    scarsAndMarks: localized(),
    clothing: localized(),
    languages: [],
  };
}

export const emptyVehicle = (): VehicleInput => ({
  make: '',
  model: '',
  colour: '',
  year: '',
  plate: '',
  plateRegion: '',
});

/** An ISO instant as `datetime-local` wants it: local wall time, minutes precision. */
export function toLocalDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A `datetime-local` or `date` value as an ISO instant; kept as typed when it is not a date (the DTO says so). */
export function fromLocalDateTime(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T23:59` : trimmed);
  return Number.isNaN(date.getTime()) ? trimmed : date.toISOString();
}

/** The form for an appeal being written: from its working copy, or its live version when it has none. */
export function toFormValues(kind: AppealKind | '', content?: AppealContent): AppealFormValues {
  const reward = content?.reward;
  const lastSeen = content?.lastSeen;
  return {
    kind,
    rewardOffered: Boolean(reward),
    content: {
      title: localized(content?.title),
      summary: localized(content?.summary),
      body: localized(content?.body),
      caution: localized(content?.caution),
      // A description written before the vocabularies opens as codes plus its leftover text.
      subjects: (content?.subjects ?? [])
        .map((s) => normalizeSubjectDescription(s, content?.title && onlyLanguage(content.title)))
        .map((s) => ({
          role: s.role ?? '',
          name: s.name ?? '',
          aliases: (s.aliases ?? []).join(', '),
          sex: s.sex ?? '',
          race: s.race ?? '',
          ageMin: str(s.ageMin),
          ageMax: str(s.ageMax),
          heightMinCm: str(s.heightMinCm),
          heightMaxCm: str(s.heightMaxCm),
          weightMinKg: str(s.weightMinKg),
          weightMaxKg: str(s.weightMaxKg),
          hair: s.hair ?? '',
          eyes: s.eyes ?? '',
          build: s.build ?? '',
          description: localized(s.description),
          scarsAndMarks: localized(s.scarsAndMarks),
          clothing: localized(s.clothing),
          languages: s.languages ?? [],
        })),
      vehicles: (content?.vehicles ?? []).map((v) => ({
        make: v.make ?? '',
        model: v.model ?? '',
        colour: v.colour ?? '',
        year: str(v.year),
        plate: v.plate ?? '',
        plateRegion: v.plateRegion ?? '',
      })),
      lastSeen: {
        place: localized(lastSeen?.place),
        latitude: str(lastSeen?.latitude),
        longitude: str(lastSeen?.longitude),
        at: toLocalDateTime(lastSeen?.at),
      },
      reward: {
        amount: str(reward?.amount),
        currency: reward?.currency ?? 'CAD',
        terms: localized(reward?.terms),
        expiresAt: reward?.expiresAt ? toLocalDateTime(reward.expiresAt).slice(0, 10) : '',
      },
      images: (content?.images ?? []).map((image) => ({
        id: image.id,
        isComposite: image.isComposite,
        alt: localized(image.alt),
      })),
      expiresAt: toLocalDateTime(content?.expiresAt),
    },
  };
}

// ---- Form -> DTO: blanks become absent, numbers become numbers (or stay text so the DTO rejects them) ----

const text = (value: string) => (value.trim() ? value.trim() : undefined);

/** Both languages, trimmed; undefined when neither was written (for optional texts). */
function optionalLocalized(value: LocalizedInput): LocalizedText | undefined {
  const fr = text(value.fr);
  const en = text(value.en);
  return fr || en ? { ...(fr ? { fr } : {}), ...(en ? { en } : {}) } : undefined;
}

/** Required texts are sent even when blank, so that the DTO says "write it" on the right field. */
const requiredLocalized = (value: LocalizedInput): LocalizedText =>
  optionalLocalized(value) ?? { fr: '', en: '' };

/** A number when the input holds one; the raw text otherwise, so that validation flags it. */
function num(value: string): number | undefined {
  const trimmed = value.trim().replace(',', '.');
  if (!trimmed) return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : (trimmed as unknown as number);
}

const list = (value: string) => {
  const items = value
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
};

/** Drops the keys whose value is undefined: the API refuses nothing for them, but diffs stay clean. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function toSubject(s: SubjectInput): SubjectDto {
  return compact({
    role: s.role as SubjectRole,
    name: text(s.name),
    aliases: list(s.aliases),
    sex: (s.sex || undefined) as Sex | undefined,
    race: text(s.race),
    ageMin: num(s.ageMin),
    ageMax: num(s.ageMax),
    heightMinCm: num(s.heightMinCm),
    heightMaxCm: num(s.heightMaxCm),
    weightMinKg: num(s.weightMinKg),
    weightMaxKg: num(s.weightMaxKg),
    hair: text(s.hair),
    eyes: text(s.eyes),
    build: text(s.build),
    description: optionalLocalized(s.description),
    scarsAndMarks: optionalLocalized(s.scarsAndMarks),
    clothing: optionalLocalized(s.clothing),
    languages: s.languages?.length ? s.languages : undefined,
  });
}

function toVehicle(v: VehicleInput): VehicleDto {
  return compact({
    make: text(v.make),
    model: text(v.model),
    colour: text(v.colour),
    year: num(v.year),
    plate: text(v.plate),
    plateRegion: text(v.plateRegion),
  });
}

export function toAppealContent(values: AppealFormValues): AppealContent {
  const c = values.content;
  const lastSeen = compact({
    place: optionalLocalized(c.lastSeen.place),
    latitude: num(c.lastSeen.latitude),
    longitude: num(c.lastSeen.longitude),
    at: fromLocalDateTime(c.lastSeen.at),
  });
  const vehicles = c.vehicles.map(toVehicle).filter((v) => Object.keys(v).length > 0);
  const images: AppealImageRefDto[] = c.images.map((image) =>
    compact({ id: image.id, isComposite: image.isComposite, alt: optionalLocalized(image.alt) }),
  );
  return compact({
    title: requiredLocalized(c.title),
    summary: requiredLocalized(c.summary),
    body: optionalLocalized(c.body),
    caution: optionalLocalized(c.caution),
    subjects: c.subjects.map(toSubject),
    vehicles: vehicles.length ? vehicles : undefined,
    lastSeen: Object.keys(lastSeen).length ? lastSeen : undefined,
    reward: values.rewardOffered
      ? compact({
          amount: num(c.reward.amount) as number,
          currency: c.reward.currency as 'CAD',
          terms: requiredLocalized(c.reward.terms),
          expiresAt: fromLocalDateTime(c.reward.expiresAt),
        })
      : undefined,
    images: images.length ? images : undefined,
    expiresAt: fromLocalDateTime(c.expiresAt),
  });
}

export function toCreateAppealDto(values: AppealFormValues): CreateAppealDto {
  return { kind: values.kind as AppealKind, content: toAppealContent(values) };
}
