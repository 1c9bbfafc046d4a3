// The lazily loaded parts of the catalogue (see vite.config.ts): the desk's, and the tip pages'.
// `t()` keys are still type-checked against the whole of fr.json.
declare module '*.json?lazy' {
  export const desk: Record<string, unknown>;
  export const roles: Record<string, unknown>;
  export const signIn: Record<string, unknown>;
}

declare module '*.json?lazy=tip' {
  export const tip: Record<string, unknown>;
}

declare module '*.json?lazy=tipSend' {
  export const tipSend: Record<string, unknown>;
}

declare module '*.json?lazy=followUp' {
  export const followUp: Record<string, unknown>;
}

declare module '*.json?lazy=alerts' {
  export const alerts: Record<string, unknown>;
}

// The home page's link to the alerts page, in its own chunk rather than the catalogue every page loads.
declare module '*.json?lazy=alertsLink' {
  export const alertsLink: string;
}
