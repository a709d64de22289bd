// Calendar arithmetic on YYYY-MM-DD strings, in UTC so no time zone moves a day.
const day = 864e5;

export const parse = text => new Date(`${text}T00:00:00Z`);
export const format = date => date.toISOString().slice(0, 10);
export const addDays = (text, n) => format(new Date(parse(text).getTime() + n * day));
export const daysBetween = (from, to) => Math.round((parse(to) - parse(from)) / day);

export function monthOf(text) {
  const date = parse(text);
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
  return { from: format(first), to: format(last) };
}

/** The Monday of a date's ISO week. */
export function weekStart(text) {
  const weekday = (parse(text).getUTCDay() + 6) % 7;
  return addDays(text, -weekday);
}

/** The ISO week key (2022-W05) the API's weekly summary uses. */
export function isoWeek(text) {
  const date = parse(text);
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * day);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday - yearStart) / day / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const weekday = text => weekdays[parse(text).getUTCDay()];
