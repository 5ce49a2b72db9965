import { batchView, durationText, readinessView, searchSeals } from './certification-view';

const gov = (name: string, uf: string, ibgeCode: string) => ({ name, uf, ibgeCode, kind: 'municipality' });

describe('the certification pages’ view models', () => {
  it('splits the edition into ready, certified and waiting (with what each still misses)', () => {
    const reason = { 'pt-BR': 'etapa "Priorização" incompleta', en: 'stage "Prioritisation" incomplete' };
    const view = readinessView(
      [
        {
          assessmentId: 'a',
          government: gov('Porto Alegre', 'RS', '4314902'),
          state: 'priorities-set',
          certified: false,
          eligible: true,
          reasons: [],
        },
        {
          assessmentId: 'b',
          government: gov('Canoas', 'RS', '4304606'),
          state: 'certified',
          certified: true,
          eligible: false,
          reasons: [],
        },
        {
          assessmentId: 'c',
          government: gov('Recife', 'PE', '2611606'),
          state: 'approved',
          certified: false,
          eligible: false,
          reasons: [reason],
        },
      ],
      'en',
    );
    expect(view.ready.map((r) => r.name)).toEqual(['Porto Alegre']);
    expect(view.certified).toBe(1);
    expect(view.waiting).toEqual([
      expect.objectContaining({ name: 'Recife', reasons: ['stage "Prioritisation" incomplete'] }),
    ]);
  });

  it('searches seals by number, name without accents, or UF, and pages them', () => {
    const seals = [
      { number: 'MC-2026-00001', ...gov('São Paulo', 'SP', '3550308'), status: 'valid' },
      { number: 'MC-2026-00002', ...gov('Porto Alegre', 'RS', '4314902'), status: 'revoked' },
      { number: 'MC-2026-00003', ...gov('Canoas', 'RS', '4304606'), status: 'valid' },
    ];
    expect(searchSeals(seals, 'sao', 1).seals.map((s) => s.number)).toEqual(['MC-2026-00001']);
    expect(searchSeals(seals, 'rs', 1).total).toBe(2);
    expect(searchSeals(seals, '00003', 1).seals[0].name).toBe('Canoas');
    const paged = searchSeals(seals, '', 9, 2);
    expect(paged).toMatchObject({ page: 2, pages: 2, previous: 1, next: null, total: 3 });
    expect(paged.seals.map((s) => s.number)).toEqual(['MC-2026-00003']);
  });

  it('estimates the time left at the pace so far, and shows a finished batch full', () => {
    const started = '2026-12-01T10:00:00Z';
    const running = {
      status: 'running' as const,
      total: 10,
      done: 2,
      failed: 0,
      retried: 1,
      startedAt: started,
      finishedAt: null,
    };
    expect(batchView(running, new Date('2026-12-01T10:00:20Z'))).toEqual({
      percent: 20,
      finished: 2,
      over: false,
      secondsLeft: 80,
    });
    expect(batchView({ ...running, done: 0 }, new Date('2026-12-01T10:00:20Z')).secondsLeft).toBeNull();
    expect(batchView({ ...running, status: 'done', done: 9, failed: 1 }, new Date()).percent).toBe(100);
    expect(durationText(65)).toBe('1 min 05 s');
    expect(durationText(7)).toBe('7 s');
  });
});
