// Numbers, durations, money and times as short readable text. DOM-free.

/** 75 -> "1 min 15 s"; 3725 -> "1 h 2 min"; 0.4 -> "under 1 s". */
export function formatDuration(seconds) {
  if (seconds == null || !Number.isFinite(Number(seconds))) return 'an unknown time';
  let s = Math.round(Number(seconds));
  if (Number(seconds) < 1) return 'under 1 s';
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  if (d) return `${d} d${h ? ` ${h} h` : ''}`;
  if (h) return `${h} h${m ? ` ${m} min` : ''}`;
  if (m) return `${m} min${s ? ` ${s} s` : ''}`;
  return `${s} s`;
}

/** US dollars with enough digits for tiny amounts: 0.000123 -> "$0.000123", 5 -> "$5.00". */
export function formatUsd(v) {
  if (v == null || !Number.isFinite(Number(v))) return 'an unknown amount';
  const x = Number(v);
  if (x === 0) return '$0.00';
  if (Math.abs(x) < 0.01) return '$' + x.toPrecision(2).replace(/0+$/, '').replace(/\.$/, '');
  return '$' + x.toFixed(2);
}

/** An ISO time as "2026-12-05 16:38 UTC" (stable across locales; tests rely on it). */
export function formatTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function formatNumber(v) {
  if (v == null) return '—';
  const n = Number(v);
  // a Java long's maximum (the seed's range) does not survive JSON.parse as a double: say what it is instead of
  // printing the rounded 9,223,372,036,854,776,000
  if (n === 2 ** 63) return '2^63 − 1';
  return n.toLocaleString('en-US');
}

/** "about 2 min" or "under 1 s" (never "about under 1 s"). */
export function aboutDuration(seconds) {
  return Number(seconds) < 1 ? 'under 1 s' : `about ${formatDuration(seconds)}`;
}
