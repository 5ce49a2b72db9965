import { isoDay } from './course-form';

describe('course form', () => {
  it('takes the day as the date input sends it, or as typed in Brazil', () => {
    expect(isoDay('2026-11-30')).toBe('2026-11-30');
    expect(isoDay(' 30/11/2026 ')).toBe('2026-11-30');
    expect(isoDay('1/2/2026')).toBe('2026-02-01');
    expect(isoDay('ontem')).toBe('ontem');
  });
});
