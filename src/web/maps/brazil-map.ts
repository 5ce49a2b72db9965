import { readFileSync } from 'node:fs';
import { niceTicks } from '../charts/svg-chart';

/**
 * A choropleth of Brazil by state, drawn on the server as SVG from the state shapes of `@svg-maps/brazil`
 * (CC-BY-4.0, Victor Cazanave: credited on the page that shows it). Pure apart from reading the shapes once:
 * figures in, an SVG string and its legend out. Every state's shape carries `data-uf` and names itself and its
 * figure (`role="img"`, `aria-label` and `<title>`), and the page shows the same figures as a table.
 */

export interface StateShape {
  /** Upper-case abbreviation (RS). */
  readonly uf: string;
  readonly name: string;
  readonly path: string;
}

let shapes: { viewBox: string; states: StateShape[] } | undefined;

/** The 27 shapes (26 states and the Federal District), read once from the package. */
export function brazilShapes(): { viewBox: string; states: readonly StateShape[] } {
  if (!shapes) {
    // The package ships an ES module of one `export default {...}` literal: its JSON is read as data.
    const source = readFileSync(require.resolve('@svg-maps/brazil/index.js'), 'utf8');
    const data = JSON.parse(source.replace(/^\s*export\s+default\s+/, '').replace(/;?\s*$/, '')) as {
      viewBox: string;
      locations: { id: string; name: string; path: string }[];
    };
    shapes = {
      viewBox: data.viewBox,
      states: data.locations.map((l) => ({ uf: l.id.toUpperCase(), name: l.name, path: l.path })),
    };
  }
  return shapes;
}

/** Light to dark blues of the design system; the darkest keep white text readable, none is the page's white. */
export const MAP_COLOURS = ['#c5d4eb', '#81a5e0', '#4374d1', '#1351b4', '#0c326f'] as const;
export const MAP_NONE = '#ededed';

export interface MapClass {
  readonly colour: string;
  /** Lower bound (exclusive, except the first class) and upper bound (inclusive); null for "none". */
  readonly from: number | null;
  readonly to: number | null;
}

export interface MapSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** One figure per UF; null or absent where there is none (drawn in grey). */
  readonly values: Readonly<Record<string, number | null>>;
  /** Counts: classes of whole numbers, and 0 drawn as "none". */
  readonly integer?: boolean;
  /** Fixed top of the scale (100 for scores); otherwise a round value above the data. */
  readonly max?: number;
  /** Each state's text for screen readers and its tooltip ("Rio Grande do Sul (RS): 3 inscritos"). */
  readonly label: (state: StateShape, value: number | null) => string;
}

/**
 * The classes of a scale: up to five ranges between round values from 0 to the top. For counts 0 is its own
 * class (no colour): a state where nobody took part reads apart from one with a single government.
 */
export function mapClasses(values: readonly (number | null)[], options: { integer?: boolean; max?: number }) {
  const present = values.filter((v): v is number => v !== null && (!options.integer || v > 0));
  const top = options.max ?? Math.max(options.integer ? 1 : 0, ...present);
  let ticks = niceTicks(0, top, { integer: options.integer, target: 5 });
  if (options.integer && ticks.length - 1 > top) ticks = Array.from({ length: top + 1 }, (_, i) => i);
  const classes: MapClass[] = [];
  for (let i = 0; i + 1 < ticks.length && classes.length < MAP_COLOURS.length; i++) {
    classes.push({ colour: '', from: ticks[i], to: ticks[i + 1] });
  }
  // Spread the colours over the classes there are, the darkest always the top.
  const offset = MAP_COLOURS.length - classes.length;
  const coloured = classes.map((c, i) => ({ ...c, colour: MAP_COLOURS[offset + i] }));
  if (classes.length && coloured[coloured.length - 1].to! < top) {
    coloured[coloured.length - 1] = { ...coloured[coloured.length - 1], to: top };
  }
  return coloured;
}

/** The class a value falls in, or null (no data, or 0 for counts). */
export function classOf(value: number | null, classes: readonly MapClass[], integer = false): MapClass | null {
  if (value === null || (integer && value <= 0)) return null;
  return classes.find((c, i) => (i === 0 ? value >= c.from! : value > c.from!) && value <= c.to!) ?? null;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface BrazilMap {
  readonly svg: string;
  readonly classes: readonly MapClass[];
}

/** The map as SVG: one `<path data-uf>` per state, coloured by its class, and the classes for the legend. */
export function brazilMap(spec: MapSpec): BrazilMap {
  const { viewBox, states } = brazilShapes();
  const valueOf = (uf: string) => spec.values[uf] ?? null;
  const classes = mapClasses(
    states.map((s) => valueOf(s.uf)),
    { integer: spec.integer, max: spec.max },
  );
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  const paths = states.map((s) => {
    const value = valueOf(s.uf);
    const label = escapeXml(spec.label(s, value));
    const colour = classOf(value, classes, spec.integer)?.colour ?? MAP_NONE;
    return (
      `<path data-uf="${s.uf}" role="img" aria-label="${label}" fill="${colour}" stroke="#4d4d4d" ` +
      `stroke-width="0.6" d="${s.path}"><title>${label}</title></path>`
    );
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="web-map" id="${escapeXml(spec.id)}" role="group" ` +
    `aria-labelledby="${titleId} ${descId}" viewBox="${viewBox}">` +
    `<title id="${titleId}">${escapeXml(spec.title)}</title><desc id="${descId}">${escapeXml(spec.description)}</desc>` +
    paths.join('') +
    `</svg>`;
  return { svg, classes };
}
