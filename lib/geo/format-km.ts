/** A great-circle distance as shown: "0 km" … "9.4 km" below 10 km, then whole kilometres ("1,234 km"). */
export function formatKm(km: number): string {
  if (km < 10) return `${(Math.round(km * 10) / 10).toLocaleString("en")} km`;
  return `${Math.round(km).toLocaleString("en")} km`;
}
