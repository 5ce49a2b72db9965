import type { INestApplicationContext } from '@nestjs/common';
import type { Actor } from '../core/auth/actor';
import { Clock } from '../core/clock/clock';
import { EditionsService } from '../core/editions/editions.service';

/**
 * A bench's edition, its calendar placed around today so that saves fall within the deadline and seals are
 * valid: enrolment from 30 days ago to 30 days ahead, diagnosis, review and certification after.
 */
export async function createEditionAroundToday(
  app: INestApplicationContext,
  actor: Actor | null,
  year: number,
): Promise<void> {
  const clock = app.get(Clock);
  const day = (offset: number) => new Date(clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  await app.get(EditionsService).create(actor, {
    year,
    calendar: {
      enrolmentOpens: day(-30),
      enrolmentCloses: day(30),
      diagnosisDeadline: day(60),
      reviewDeadline: day(90),
      certificationDate: day(120),
    },
  });
}
