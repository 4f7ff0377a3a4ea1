import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDb } from '../store/db.js';
import { distanceKm, geocode, geocodeZip, nearestSite, parseRadius, pointOfLocation } from './geo.js';
import { TrialStore } from './store.js';

describe('geo', () => {
  it('computes great-circle distances', () => {
    // Boston → New York is about 306 km; London → Paris about 344 km.
    expect(distanceKm({ lat: 42.36, lon: -71.06 }, { lat: 40.71, lon: -74.01 })).toBeGreaterThan(295);
    expect(distanceKm({ lat: 42.36, lon: -71.06 }, { lat: 40.71, lon: -74.01 })).toBeLessThan(315);
    expect(distanceKm({ lat: 51.51, lon: -0.13 }, { lat: 48.86, lon: 2.35 })).toBeCloseTo(344, -1);
  });

  it('geocodes US ZIP codes, ZIP prefixes, cities and lat,lon', () => {
    const z = geocodeZip('02115')!;
    expect(z.source).toBe('zip');
    expect(distanceKm(z, { lat: 42.34, lon: -71.09 })).toBeLessThan(5);
    expect(geocode('02115-1234')!.source).toBe('zip');
    expect(geocode('Boston, MA')).toMatchObject({ source: 'city', lat: 42.36 });
    expect(geocode('boston, massachusetts')).toMatchObject({ source: 'city' });
    expect(geocode('Paris, France')).toMatchObject({ lat: 48.86, lon: 2.35 });
    expect(geocode('São Paulo')).toMatchObject({ source: 'city' });
    expect(geocode('42.3, -71.1')).toMatchObject({ source: 'latlon', lat: 42.3, lon: -71.1 });
    expect(geocode('95, 10')).toBeNull();
    expect(geocode('Atlantis')).toBeNull();
  });

  it('uses cities of imported sites with coordinates as a gazetteer', () => {
    const db = openDb(':memory:');
    const store = new TrialStore(db);
    store.transaction(() =>
      store.upsert(
        {
          nctId: 'NCT09000099',
          title: 't',
          status: 'RECRUITING',
          conditions: [],
          tumorTypes: [],
          interventions: [],
          eligibilityText: '',
          criteria: [],
          sites: [{ city: 'Villejuif-Est', country: 'France', lat: 48.79, lon: 2.36 }],
        },
        'test',
        'now',
      ),
    );
    expect(geocode('Villejuif-Est, France', db)).toMatchObject({ source: 'sites', lat: 48.79 });
  });

  it('places a case location', () => {
    expect(pointOfLocation({ postalCode: '77030', country: 'United States' })!.source).toBe('zip');
    expect(pointOfLocation({ city: 'Tokyo' })).toMatchObject({ source: 'city' });
    expect(pointOfLocation({ lat: 1, lon: 2 })).toMatchObject({ lat: 1, lon: 2 });
    expect(pointOfLocation(undefined)).toBeNull();
  });

  it('picks the nearest site that is itself recruiting', () => {
    const sites = [
      { city: 'Seattle', status: 'COMPLETED' as const, lat: 47.6, lon: -122.3 },
      { city: 'Houston', status: 'RECRUITING' as const, lat: 29.7, lon: -95.4 },
      { city: 'Boston', status: 'RECRUITING' as const, postalCode: '02215', country: 'United States' },
    ];
    expect(nearestSite(sites, { lat: 47.6, lon: -122.3 })).toMatchObject({ city: 'Houston' });
    expect(nearestSite(sites, { lat: 42.36, lon: -71.06 })).toMatchObject({ city: 'Boston' });
    expect(nearestSite([{ city: 'Seattle', status: 'COMPLETED' }])).toBeNull();
    expect(nearestSite([{ city: 'Anywhere' }])).toMatchObject({ city: 'Anywhere' });
  });

  it('parses radii in km and miles', () => {
    expect(parseRadius('200km')).toBe(200);
    expect(parseRadius('100 mi')).toBeCloseTo(160.9, 1);
    expect(parseRadius('far')).toBeNull();
  });

  it('property: distance is symmetric and non-negative; geocode never throws', () => {
    const pt = fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
    });
    fc.assert(
      fc.property(pt, pt, fc.string({ maxLength: 30 }), (a, b, s) => {
        const d = distanceKm(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(20_038);
        expect(Math.abs(d - distanceKm(b, a))).toBeLessThan(1e-6);
        geocode(s);
      }),
      { numRuns: 300 },
    );
  });
});
