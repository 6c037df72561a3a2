/** Great-circle distance in kilometres (haversine, on a sphere of the mean Earth radius 6,371.0088 km). */
export const EARTH_RADIUS_KM = 6371.0088;

export interface LatLon { lat: number; lon: number }

export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
