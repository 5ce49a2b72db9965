import { calendarProblems } from '../editions/edition-rules';
import { addDays, currentCalendar, currentEditionYear, pinnedVersions } from './demo-editions';

describe('the demo editions', () => {
  it.each([
    [2027, 2027],
    [2025, 2025],
    [2024, 2025],
    [2021, 2025],
  ])('with the clock in %i the current edition is %i', (clockYear, edition) => {
    expect(currentEditionYear(clockYear)).toBe(edition);
  });

  it.each(['2027-03-15', '2029-09-20', '2027-12-28', '2028-02-29'])(
    'places the current calendar around %s in order: enrolment open today, the diagnosis due after',
    (today) => {
      const calendar = currentCalendar(today);
      expect(calendarProblems(calendar)).toEqual([]);
      expect(calendar.enrolmentOpens < today && today < calendar.enrolmentCloses).toBe(true);
      expect(calendar.diagnosisDeadline > calendar.enrolmentCloses).toBe(true);
    },
  );

  it('counts days across months, years and leap days', () => {
    expect(addDays('2027-12-28', 21)).toBe('2028-01-18');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  const published = [
    { slug: 'protection', versions: [1, 2] },
    { slug: 'social-assistance', versions: [1, 2] },
    { slug: 'health', versions: [1, 2] },
    { slug: 'governance', versions: [1] },
  ];

  it.each([
    [2020, { protection: 1, 'social-assistance': 1, health: 1, governance: 1 }],
    [2021, { protection: 2, 'social-assistance': 2, health: 1, governance: 1 }],
    [2022, { protection: 2, 'social-assistance': 2, health: 1, governance: 1 }],
    [2024, { protection: 2, 'social-assistance': 2, health: 2, governance: 1 }],
    [2027, { protection: 2, 'social-assistance': 2, health: 2, governance: 1 }],
  ])('pins in %i the versions the programme used then', (year, pins) => {
    expect(pinnedVersions(published, year, 2027)).toEqual(pins);
  });

  it('falls back to the version before one not published yet, and applies an unplanned one from the current edition', () => {
    const early = [
      { slug: 'health', versions: [1] },
      { slug: 'governance', versions: [1, 2] },
    ];
    expect(pinnedVersions(early, 2024, 2027)).toEqual({ health: 1, governance: 1 });
    expect(pinnedVersions(early, 2027, 2027)).toEqual({ health: 1, governance: 2 });
  });
});
