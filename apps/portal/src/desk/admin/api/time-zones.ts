/** IANA zones this browser knows, grouped by region ("America", "Europe"…) for the select's optgroups. */
export function timeZoneGroups(current?: string): [string, string[]][] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    // An engine without the list: the agency's own zone (and UTC) remain choosable.
    zones = [];
  }
  // The saved zone stays choosable even where the browser lists it under another name (UTC, aliases).
  const all = new Set([...zones, ...(current ? [current] : []), 'UTC']);
  const groups = new Map<string, string[]>();
  for (const zone of [...all].sort()) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : 'Etc';
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups];
}

/** "America/Port_of_Spain" → "America/Port of Spain": what a person reads; the value keeps the id. */
export function timeZoneLabel(zone: string): string {
  return zone.replace(/_/g, ' ');
}
