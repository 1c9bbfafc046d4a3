/** An agency's gazetteer, as loaded (GET/PUT /api/admin/gazetteer). */
export interface GazetteerSummary {
  /** Named places (stations, malls, parks…) and street intersections. */
  places: number;
  intersections: number;
  /** The municipalities its entries name, sorted. */
  municipalities: string[];
  /** When the current file was loaded; null when the agency has none. */
  loadedAt: string | null;
}
