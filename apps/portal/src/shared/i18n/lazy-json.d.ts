// The desk's part of the catalogue (see desk-catalogue.ts and vite.config.ts); `t()` keys are still
// type-checked against the whole of fr.json.
declare module '*.json?lazy' {
  export const desk: Record<string, unknown>;
  export const roles: Record<string, unknown>;
  export const signIn: Record<string, unknown>;
}
