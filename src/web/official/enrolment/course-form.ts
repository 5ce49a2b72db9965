/** The day typed in the course form as the API takes it: `2026-11-30` as it is, `30/11/2026` (pt-BR) turned around. */
export function isoDay(typed: string): string {
  const value = typed.trim();
  const brazilian = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!brazilian) return value;
  const [, d, m, y] = brazilian;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export const COURSE_FIELDS = { date: 'completedAt', certificate: 'certificate' } as const;
