/** What one signal found between the tip being scored and another tip of the same agency. */
export type SignalHit =
  | {
      signal: 'EXACT_MEDIA';
      otherTipId: string;
      /** tip id → media id, for both tips: the same pair of files seen from either side. */
      media: Record<string, string>;
    }
  | {
      signal: 'NEAR_MEDIA';
      otherTipId: string;
      media: Record<string, string>;
      bits: number;
      /** One of the two is a screenshot, compared by the photo inside it. */
      screenshot: boolean;
    }
  | {
      signal: 'TEXT';
      otherTipId: string;
      similarity: number;
      /** Both said where or when, and it was not the same moment (candidate-search.ts). */
      elsewhere: boolean;
    }
  | {
      signal: 'PLACE_TIME';
      otherTipId: string;
      /** Between the two positions… */
      metres: number;
      minutes: number;
      /** Both about the same appeal, or both about none. */
      sameAppeal: boolean;
    }
  | {
      signal: 'PLACE_TIME';
      otherTipId: string;
      /** …or, without positions, between the places the tipsters named, in the form or the text. */
      placeSimilarity: number;
      minutes: number;
      sameAppeal: boolean;
    }
  | {
      signal: 'CONTACT';
      otherTipId: string;
      phone: boolean;
      email: boolean;
      /** Both about the same appeal, or both about none. */
      sameAppeal: boolean;
      days: number;
    };

export type SignalKind = SignalHit['signal'];

export const SIGNALS: readonly SignalKind[] = ['EXACT_MEDIA', 'NEAR_MEDIA', 'TEXT', 'PLACE_TIME', 'CONTACT'];

/** A kept reason: the facts of the hit (without the other tip, which the pair names), its weight, and a sentence. */
export type Reason = Omit<SignalHit, 'otherTipId'> & { strength: number; text: string };
