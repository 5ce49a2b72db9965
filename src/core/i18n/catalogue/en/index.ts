import type { MessageKey } from '../pt-BR';
import { common } from './common';
import { auth } from './auth';
import { files } from './files';
import { diagnosis } from './diagnosis';
import { review } from './review';
import { scoring } from './scoring';
import { editions } from './editions';
import { certification } from './certification';
import { credentials } from './credentials';
import { goodPractices } from './good-practices';
import { progress } from './progress';
import { reporting } from './reporting';
import { notifications } from './notifications';
import { errors } from './errors';
import { workflow } from './workflow';
import { seed } from './seed';
import { web } from './web';
import { webDiagnosis } from './web-diagnosis';
import { webEnrolment } from './web-enrolment';
import { webTakeaway } from './web-takeaway';
import { webReview } from './web-review';
import { webCertification } from './web-certification';
import { webAdmin } from './web-admin';
import { webPublic } from './web-public';

/** The English catalogue: the same keys as pt-BR (the compiler checks that none is missing). */
export const EN: Readonly<Record<MessageKey, string>> = {
  ...common,
  ...auth,
  ...files,
  ...diagnosis,
  ...review,
  ...scoring,
  ...editions,
  ...certification,
  ...credentials,
  ...goodPractices,
  ...progress,
  ...reporting,
  ...notifications,
  ...errors,
  ...workflow,
  ...seed,
  ...web,
  ...webDiagnosis,
  ...webEnrolment,
  ...webTakeaway,
  ...webReview,
  ...webCertification,
  ...webAdmin,
  ...webPublic,
};
