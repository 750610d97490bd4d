/** A timestamptz column as RFC 3339 UTC text with milliseconds, e.g. `2026-06-01T12:00:00.000Z`. */
export function utc(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** numeric(19,4) text with at least two fraction digits: "1200.5000" -> "1200.50". */
export function formatAmount(value: string): string {
  const [whole, fraction = ''] = value.split('.');
  return `${whole}.${fraction.replace(/0+$/, '').padEnd(2, '0')}`;
}
