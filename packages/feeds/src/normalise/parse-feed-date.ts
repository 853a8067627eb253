// Month names and abbreviations of the languages feeds are commonly written in, by their first
// three letters (French "juin"/"juil" need four). RFC 822 asks for English; many feeds ignore it.
// biome-ignore format: a table reads better on few lines
const MONTHS: Record<string, number> = {
  jan: 0, ene: 0, gen: 0,
  feb: 1, fev: 1, fév: 1,
  mar: 2, mär: 2, mrz: 2, maa: 2,
  apr: 3, abr: 3, avr: 3,
  may: 4, mai: 4, mag: 4, mei: 4,
  jun: 5, giu: 5, juin: 5,
  jul: 6, lug: 6, juil: 6,
  aug: 7, ago: 7, aoû: 7, aou: 7,
  sep: 8, set: 8,
  oct: 9, out: 9, okt: 9, ott: 9,
  nov: 10,
  dec: 11, dez: 11, dic: 11, déc: 11,
};

// North American zones are the ones RFC 822 names; the others are frequent in real feeds.
// biome-ignore format: a table reads better on few lines
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0,
  est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7,
  cet: 1, cest: 2, met: 1, mest: 2, bst: 1, eet: 2, eest: 3, wet: 0, west: 1,
  jst: 9, kst: 9, ist: 5.5, aest: 10, aedt: 11, nzst: 12, nzdt: 13,
};

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

// [weekday,] day month year [hh:mm[:ss]] [zone]; the time may lack its colon ("1500").
const RFC822 =
  /^(?:[^\d\s,]+,?\s+)?(\d{1,2})[\s-]+([^\d\s.,-]+)\.?[\s-]+(\d{2,4})(?:\s+(\d{1,2}):?(\d{2})(?::?(\d{2}))?)?\s*(.*)$/;

function offsetMinutes(zone: string): number | undefined {
  const trimmed = zone.trim().toLowerCase();
  if (trimmed === "") return 0;
  const numeric = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(trimmed);
  if (numeric !== null) {
    const [, sign, hours = "0", minutes = "0"] = numeric;
    return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  }
  const named = ZONES[trimmed];
  return named === undefined ? undefined : named * 60;
}

function fullYear(year: string): number {
  const value = Number(year);
  if (year.length > 2) return value;
  // Two-digit years: RFC 2822's rule, 00–49 are 2000s.
  return value < 50 ? 2000 + value : 1900 + value;
}

function utc(
  parts: { year: number; month: number; day: number; hour: number; minute: number; second: number },
  offset: number,
): number | undefined {
  const { year, month, day, hour, minute, second } = parts;
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }
  return Date.UTC(year, month, day, hour, minute, second) - offset * 60_000;
}

function parseIso(text: string): number | undefined {
  const match = ISO.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", zone] = match;
  const offset = zone === undefined ? 0 : offsetMinutes(zone);
  if (offset === undefined) return undefined;
  const parts = {
    year: Number(year),
    month: Number(month) - 1,
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
  const base = utc(parts, offset);
  return base === undefined ? undefined : base + Math.round(Number(`0${fraction}`) * 1000);
}

function parseRfc822(text: string): number | undefined {
  const match = RFC822.exec(text);
  if (match === null) return undefined;
  const [, day, monthName = "", year = "", hour = "0", minute = "0", second = "0", zone = ""] =
    match;
  const lower = monthName.toLowerCase();
  const month = MONTHS[lower.slice(0, 4)] ?? MONTHS[lower.slice(0, 3)];
  const offset = offsetMinutes(zone);
  if (month === undefined || offset === undefined) return undefined;
  const parts = {
    year: fullYear(year),
    month,
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
  return utc(parts, offset);
}

/**
 * Reads a feed date as epoch ms: ISO 8601 and RFC 822 (in any common language) are read here,
 * a zone-less one as UTC so that results do not depend on the machine's zone; anything else is
 * left to `Date.parse`.
 */
export function parseFeedDate(raw: string | undefined): number | undefined {
  const text = raw?.trim();
  if (text === undefined || text === "") return undefined;
  const value = parseIso(text) ?? parseRfc822(text) ?? Date.parse(text);
  return Number.isFinite(value) ? value : undefined;
}
