import { isoDay } from './course-form';
import { uploadLimitMb } from './form-problems';

describe('course form', () => {
  it('takes the day as the date input sends it, or as typed in Brazil', () => {
    expect(isoDay('2026-11-30')).toBe('2026-11-30');
    expect(isoDay(' 30/11/2026 ')).toBe('2026-11-30');
    expect(isoDay('1/2/2026')).toBe('2026-02-01');
    expect(isoDay('ontem')).toBe('ontem');
  });

  it('gives the upload limit in megabytes', () => {
    expect(uploadLimitMb(10 * 1024 * 1024)).toBe(10);
    expect(uploadLimitMb(1.5 * 1024 * 1024)).toBe(1.5);
  });
});
