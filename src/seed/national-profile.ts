import type {
  AnswerSet,
  AnswerValue,
  Questionnaire,
  QuestionnaireItem,
} from '../core/questionnaire/questionnaire.types';
import { visibleItemKeys } from '../core/questionnaire/visibility';

/**
 * How the national data set is drawn: pure and deterministic. Every draw is a hash of a label (seed,
 * government, edition, item), so the same seed gives the same data whatever the order of work, and an item
 * keeps its draw across editions (answers evolve instead of being redrawn).
 */

/** FNV-1a with murmur3's finaliser: a well-spread 32-bit number for a text. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) for a label. */
export const unit = (label: string): number => hash32(label) / 2 ** 32;

/** A UUID-shaped id (version nibble 8: custom) for a label. */
export function seededUuid(label: string): string {
  const hex = [0, 1, 2, 3].map((i) => hash32(`${label}#${i}`).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const clamp = (n: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, n));

/** IBGE codes of the 27 capitals (Brasília for the Distrito Federal). */
export const CAPITALS: ReadonlySet<string> = new Set([
  '1100205',
  '1200401',
  '1302603',
  '1400100',
  '1501402',
  '1600303',
  '1721000',
  '2111300',
  '2211001',
  '2304400',
  '2408102',
  '2507507',
  '2611606',
  '2704302',
  '2800308',
  '2927408',
  '3106200',
  '3205309',
  '3304557',
  '3550308',
  '4106902',
  '4205407',
  '4314902',
  '5002704',
  '5103403',
  '5208707',
  '5300108',
]);

export interface GovernmentLike {
  readonly ibgeCode: string;
  readonly kind: string;
  /** IBGE estimate when imported; without it, capitals and states stand in for the big governments. */
  readonly population?: number | null;
}

export type Tier = 'state' | 'capital' | 'large' | 'advanced' | 'engaged' | 'beginning';
export type Trend = 'improving' | 'stable' | 'regressing';

export interface GovernmentProfile {
  readonly tier: Tier;
  /** Maturity in the first edition, 0-1: roughly the share of items met. */
  readonly base: number;
  readonly trend: Trend;
  /** Change of maturity per edition. */
  readonly slope: number;
}

/**
 * Most municipalities are beginning (MUNIC 2018: migrants in 3,876 municipalities, services in 215); a
 * long tail of engaged and advanced ones; capitals, large cities and states further on. About a third
 * improve from one edition to the next, a fifth regress, the rest hold.
 */
export function governmentProfile(seed: string, gov: GovernmentLike): GovernmentProfile {
  const draw = (what: string) => unit(`${seed}/${gov.ibgeCode}/${what}`);
  const r = draw('tier');
  const u = draw('base');
  let tier: Tier;
  let base: number;
  if (gov.kind === 'state') [tier, base] = ['state', 0.22 + 0.45 * u];
  else if (CAPITALS.has(gov.ibgeCode)) [tier, base] = ['capital', 0.3 + 0.5 * u];
  else if ((gov.population ?? 0) >= 300_000 && r < 0.7) [tier, base] = ['large', 0.2 + 0.45 * u];
  else if (r < 0.03) [tier, base] = ['advanced', 0.35 + 0.45 * u];
  else if (r < 0.15) [tier, base] = ['engaged', 0.12 + 0.23 * u];
  else [tier, base] = ['beginning', 0.14 * u ** 1.6];
  const t = draw('trend');
  const s = draw('slope');
  if (t < 0.35) return { tier, base, trend: 'improving', slope: 0.02 + 0.07 * s };
  if (t < 0.8) return { tier, base, trend: 'stable', slope: -0.01 + 0.025 * s };
  return { tier, base, trend: 'regressing', slope: -0.02 - 0.05 * s };
}

/** Maturity in the edition at `position` (0 for the first), with a little yearly noise. */
export function maturityAt(
  seed: string,
  gov: GovernmentLike,
  profile: GovernmentProfile,
  position: number,
  year: number,
): number {
  return clamp(profile.base + profile.slope * position + (unit(`${seed}/${gov.ibgeCode}/${year}/noise`) - 0.5) * 0.06);
}

export interface GroupDraw {
  readonly seed: string;
  readonly ibgeCode: string;
  readonly governmentName: string;
  readonly year: number;
  readonly maturity: number;
  /** The item's identity across versions (its export column), so that a renamed item keeps its draw. */
  readonly identity: (key: string) => string;
  /** Items the government made a priority in its previous edition: worked on, they tend to improve. */
  readonly prioritised: ReadonlySet<string>;
}

export interface GeneratedGroup {
  /** Answers to the visible items only. */
  readonly answers: AnswerSet;
  /** Links given as evidence, by item key. */
  readonly evidence: ReadonlyMap<string, readonly { readonly url: string }[]>;
}

const NOTES = [
  'Ações realizadas em parceria com a sociedade civil, conforme relatório anual da secretaria.',
  'Informação revisada pela equipe técnica; atendimento concentrado no centro de referência.',
  'Dados consolidados a partir dos registros do CadÚnico e do SUS, com apoio da universidade.',
  'Ampliação prevista para o próximo ano, com recursos do orçamento municipal e de convênios.',
];

/**
 * One group's answers for one government and edition, from the government's maturity, the group's and the
 * item's ease, and a draw per item that lasts across editions. Valid for the questionnaire by construction
 * (options, ranges and "not applicable" as the items allow); hidden items are left unanswered.
 */
export function generateGroup(q: Questionnaire, d: GroupDraw): GeneratedGroup {
  const gov = `${d.seed}/${d.ibgeCode}`;
  const groupEase = (unit(`${d.seed}/ease/${q.group}`) - 0.5) * 0.1 + (unit(`${gov}/${q.group}`) - 0.5) * 0.2;
  const answers: Record<string, AnswerValue> = {};
  const evidence = new Map<string, { url: string }[]>();
  for (const item of q.items) {
    const id = d.identity(item.key);
    const ease = (unit(`${d.seed}/ease/${id}`) - 0.5) * 0.2;
    const p = clamp(d.maturity + groupEase + ease + (d.prioritised.has(id) ? 0.35 : 0));
    const u = clamp(unit(`${gov}/${id}`) + (unit(`${gov}/${d.year}/${id}`) - 0.5) * 0.08, 0, 0.9999);
    const value = answerFor(item, p, u, `${gov}/${id}`, d);
    if (value === undefined) continue;
    answers[item.key] = value;
    const positive = value === 'yes' || value === 'partial';
    if (
      positive &&
      (item.evidence === 'required' || (item.evidence === 'optional' && unit(`${gov}/${d.year}/${id}/evidence`) < 0.5))
    ) {
      evidence.set(item.key, [{ url: `https://www.exemplo.gov.br/${d.ibgeCode}/${q.group}/${item.key}` }]);
    }
  }
  const visible = visibleItemKeys(q, answers);
  for (const key of Object.keys(answers)) {
    if (!visible.has(key)) {
      delete answers[key];
      evidence.delete(key);
    }
  }
  return { answers, evidence };
}

function answerFor(
  item: QuestionnaireItem,
  p: number,
  u: number,
  label: string,
  d: GroupDraw,
): AnswerValue | undefined {
  switch (item.type) {
    case 'yes-partial-no': {
      if (item.allowNotApplicable && unit(`${label}/na`) < 0.2 * (1 - p)) return 'not-applicable';
      const yes = 0.85 * p;
      return u < yes ? 'yes' : u < yes + 0.12 + 0.3 * p ? 'partial' : 'no';
    }
    case 'single-choice': {
      const best = [...item.options!].sort((a, b) => b.points - a.points);
      return best[Math.floor(clamp(1 - p + (u - 0.5) * 0.5, 0, 0.9999) * best.length)].key;
    }
    case 'multiple-choice':
      return item.options!.filter((o) => unit(`${label}/${o.key}`) < 0.05 + 0.9 * p).map((o) => o.key);
    case 'number': {
      const lo = item.min ?? 0;
      const hi = item.max ?? Number.MAX_SAFE_INTEGER;
      let n: number;
      if (item.bands && item.bands.length > 0) n = Math.max(...item.bands.map((b) => b.atLeast)) * p * (0.2 + 1.6 * u);
      else if (lo >= 1900 && hi <= 2200)
        n = Math.min(d.year, 2008 + Math.floor(u * 13)); // a year, e.g. when a policy was enacted
      else n = p * 10 ** (1 + 3 * u);
      return clamp(item.integer ? Math.round(n) : Math.round(n * 10) / 10, lo, hi);
    }
    case 'text':
      if (!item.required && unit(`${label}/${d.year}/text`) > 0.15) return undefined;
      return NOTES[Math.floor(u * NOTES.length)].slice(0, item.maxLength ?? 5000);
    case 'evidence':
      return item.required || u < p + 0.2
        ? { url: `https://www.exemplo.gov.br/${d.ibgeCode}/${item.key}.pdf` }
        : undefined;
  }
}
