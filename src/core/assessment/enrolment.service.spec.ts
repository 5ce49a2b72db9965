import type { Actor } from '../auth/actor';
import { Clock } from '../clock/clock';
import { EditionEntity } from '../editions/edition.entity';
import type { FilesService } from '../files/files.service';
import type { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue.service';
import { AssessmentEntity } from './assessment.entity';
import type { AssessmentWorkflow } from './assessment-workflow.service';
import { EnrolmentService } from './enrolment.service';

const calendar = (opens: string, closes: string) => ({
  enrolmentOpens: opens,
  enrolmentCloses: closes,
  diagnosisDeadline: '2026-12-31',
  reviewDeadline: '2027-01-31',
  certificationDate: '2027-02-28',
});
const EDITIONS = [
  { year: 2025, calendar: calendar('2025-03-01', '2025-04-30') },
  { year: 2026, calendar: calendar('2026-11-20', '2026-12-10') },
  { year: 2027, calendar: calendar('2027-03-01', '2027-04-30') },
];
const ENROLLED = { id: 'a-2025', editionYear: 2025, governmentCode: '4314902' };

/** The service on a manager that answers from the lists above, its clock on 1 December 2026. */
function service() {
  const manager = {
    findOneBy: async (entity: unknown, where: Record<string, unknown>) => {
      if (entity === EditionEntity) return EDITIONS.find((e) => e.year === where.year) ?? null;
      if (entity === AssessmentEntity)
        return ENROLLED.editionYear === where.editionYear && ENROLLED.governmentCode === where.governmentCode
          ? ENROLLED
          : null;
      return null;
    },
    find: async () => [...EDITIONS].reverse(),
  };
  const workflow = { dataSource: { manager } } as unknown as AssessmentWorkflow;
  return new EnrolmentService(
    workflow,
    {} as QuestionnaireCatalogue,
    {} as FilesService,
    new Clock(new Date('2026-12-01T12:00:00Z')),
  );
}

const official: Actor = { id: 'u1', email: 'f@x', name: 'F', role: 'official', governmentCode: '4314902' };

describe('EnrolmentService: the enrolment window as a page shows it', () => {
  it('tells an open window, with no assessment yet', async () => {
    expect(await service().availability(official, 2026, '4314902')).toEqual({
      year: 2026,
      calendar: EDITIONS[1].calendar,
      today: '2026-12-01',
      open: true,
      closed: null,
      assessmentId: null,
    });
  });

  it('says why a window is closed, with its dates, in both languages', async () => {
    const next = await service().availability(official, 2027, '4314902');
    expect(next.open).toBe(false);
    expect(next.closed).toEqual({
      'pt-BR': 'As inscrições da edição 2027 vão de 01/03/2027 a 30/04/2027; hoje é 01/12/2026.',
      en: 'Enrolment for edition 2027 runs from 1 Mar 2027 to 30 Apr 2027; today is 1 Dec 2026.',
    });
  });

  it('finds the government’s assessment when it is already enrolled', async () => {
    expect((await service().availability(official, 2025, '4314902')).assessmentId).toBe('a-2025');
  });

  it('refuses another government and an unknown edition', async () => {
    await expect(service().availability(official, 2026, '3550308')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().availability(official, 1999, '4314902')).rejects.toMatchObject({
      code: 'EDITION_NOT_FOUND',
    });
  });
});
