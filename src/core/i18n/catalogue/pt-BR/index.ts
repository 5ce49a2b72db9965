/**
 * The pt-BR catalogue: every text a person reads, by key. One file per area, one catalogue per language;
 * `{name}` marks a value filled in when the message is made (see ../message.ts).
 */
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

export const PT_BR = {
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
} as const;

export type MessageKey = keyof typeof PT_BR;
