import { brazilMap, brazilShapes, classOf, MAP_COLOURS, MAP_NONE, mapClasses } from './brazil-map';

describe('brazilMap', () => {
  it('reads the 27 shapes of the package, each with its upper-case UF', () => {
    const { viewBox, states } = brazilShapes();
    expect(viewBox).toBe('0 0 613 639');
    expect(states).toHaveLength(27);
    expect(states.map((s) => s.uf)).toEqual(expect.arrayContaining(['RS', 'DF', 'SP', 'AM', 'RR']));
    expect(states.find((s) => s.uf === 'RS')?.name).toBe('Rio Grande do Sul');
  });

  it('classes counts in whole numbers, 0 apart, the darkest at the top', () => {
    const classes = mapClasses([0, 1, 3, null], { integer: true });
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(classes.at(-1)?.colour).toBe(MAP_COLOURS.at(-1));
    expect(classOf(0, classes, true)).toBeNull();
    expect(classOf(1, classes, true)?.to).toBe(1);
    expect(classOf(3, classes, true)?.to).toBe(3);
    expect(
      mapClasses([0, 40, 120], { integer: true }).every((c) => Number.isInteger(c.from) && Number.isInteger(c.to)),
    ).toBe(true);
  });

  it('classes scores on a fixed scale to 100, and a missing score has no class', () => {
    const classes = mapClasses([30, 62.5, null], { max: 100 });
    expect(classes.map((c) => c.to)).toEqual([20, 40, 60, 80, 100]);
    expect(classOf(62.5, classes)?.from).toBe(60);
    expect(classOf(0, classes)?.from).toBe(0);
    expect(classOf(null, classes)).toBeNull();
  });

  it('draws one labelled shape per state, coloured by its figure', () => {
    const map = brazilMap({
      id: 'map',
      title: 'Inscritos por estado',
      description: 'Três em RS',
      values: { RS: 3, SP: 1 },
      integer: true,
      label: (s, v) => `${s.name} (${s.uf}): ${v ?? 0} inscritos`,
    });
    expect(map.svg.match(/<path data-uf="/g)).toHaveLength(27);
    expect(map.svg).toContain('aria-labelledby="map-title map-desc"');
    expect(map.svg).toMatch(
      /<path data-uf="RS" role="img" aria-label="Rio Grande do Sul \(RS\): 3 inscritos" fill="#0c326f"/,
    );
    expect(map.svg).toMatch(/<path data-uf="AC" [^>]*fill="#ededed"/);
    expect(map.svg).toContain('<title>Rio Grande do Sul (RS): 3 inscritos</title>');
    expect(MAP_NONE).toBe('#ededed');
  });
});
