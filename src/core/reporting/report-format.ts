/** How the report writes numbers and dates: Brazilian Portuguese, Brasília time. */

const SCORE = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const INTEGER = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 2 });
const DATE = new Intl.DateTimeFormat('pt-BR', {
  timeZone: 'America/Sao_Paulo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const LONG_DATE = new Intl.DateTimeFormat('pt-BR', {
  timeZone: 'America/Sao_Paulo',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

export const NOT_INFORMED = 'não informado';
export const NO_SCORE = '—';

/** A score with one decimal, "72,5"; "—" where there is none (never 0). */
export const formatScore = (value: number | null | undefined): string =>
  value === null || value === undefined ? NO_SCORE : SCORE.format(value);

/** A change between editions: "+12,5", "−3,0", "0,0", or "—". */
export function formatChange(value: number | null): string {
  if (value === null) return NO_SCORE;
  const sign = value > 0 ? '+' : value < 0 ? '\u2212' : '';
  return `${sign}${SCORE.format(Math.abs(value))}`;
}

export const formatInteger = (value: number): string => INTEGER.format(value);
export const formatNumber = (value: number): string => DECIMAL.format(value);

export const formatDate = (value: Date | string | null | undefined): string =>
  value ? DATE.format(new Date(value)) : NOT_INFORMED;
export const formatLongDate = (value: Date | string): string => LONG_DATE.format(new Date(value));

/** A value for a double-quoted CSS string inside a style element (where HTML entities are not decoded). */
export const cssString = (value: string): string =>
  value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);

/** "1 item atendido", "3 itens atendidos". */
export const counted = (n: number, one: string, many: string): string => `${formatInteger(n)} ${n === 1 ? one : many}`;

/** "A", "A e B", "A, B e C". */
export function joinPt(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} e ${parts[parts.length - 1]}`;
}
