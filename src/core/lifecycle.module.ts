import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AssessmentFilesService } from './assessment/assessment-files.service';
import { AssessmentListService } from './assessment/assessment-list.service';
import { AssessmentViewService } from './assessment/assessment-view.service';
import { AssessmentWorkflow } from './assessment/assessment-workflow.service';
import { AssessmentsController } from './assessment/assessments.controller';
import { DiagnosisService } from './assessment/diagnosis.service';
import { EnrolmentService } from './assessment/enrolment.service';
import { PrioritiesService } from './assessment/priorities.service';
import { AuditService } from './audit/audit.service';
import { CertificateBatchService } from './certification/certificate-batch.service';
import { CertificationController } from './certification/certification.controller';
import { CertificationService } from './certification/certification.service';
import { SealRegistryService } from './certification/seal-registry.service';
import { IssuerKeysService } from './certification/issuer-keys.service';
import { StatusListController } from './certification/status-list.controller';
import { StatusListService } from './certification/status-list.service';
import { SignatoriesService } from './certification/signatories.service';
import { DemoDataService } from './demo/demo-data.service';
import { PdfRendererService } from './rendering/pdf-renderer.service';
import { TemplatesService } from './rendering/templates.service';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { UserDirectory } from './auth/user-directory.service';
import { SignInsService } from './auth/sign-ins.service';
import { EditionsController } from './editions/editions.controller';
import { EditionsService } from './editions/editions.service';
import { FilesService } from './files/files.service';
import { DeadlineRemindersService } from './notifications/deadline-reminders.service';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';
import { QuestionnaireModule } from './questionnaire/questionnaire.module';
import { ReviewController } from './review/review.controller';
import { ReviewQueueService } from './review/review-queue.service';
import { ReviewRoundsService } from './review/review-rounds.service';
import { ReviewService } from './review/review.service';

/** Users and access, editions, enrolment, diagnosis, review, priorities, certification, notifications and the audit trail. */
@Module({
  imports: [QuestionnaireModule],
  controllers: [
    AuthController,
    EditionsController,
    AssessmentsController,
    ReviewController,
    NotificationsController,
    CertificationController,
    StatusListController,
  ],
  providers: [
    AuditService,
    AuthService,
    UserDirectory,
    SignInsService,
    { provide: APP_GUARD, useClass: AccessGuard },
    EditionsService,
    FilesService,
    AssessmentWorkflow,
    EnrolmentService,
    DiagnosisService,
    AssessmentViewService,
    AssessmentListService,
    AssessmentFilesService,
    PrioritiesService,
    ReviewService,
    ReviewQueueService,
    ReviewRoundsService,
    NotificationsService,
    DeadlineRemindersService,
    DemoDataService,
    PdfRendererService,
    TemplatesService,
    IssuerKeysService,
    CertificationService,
    SealRegistryService,
    CertificateBatchService,
    StatusListService,
    SignatoriesService,
  ],
  exports: [
    AuthService,
    UserDirectory,
    SignInsService,
    AuditService,
    EditionsService,
    EnrolmentService,
    DiagnosisService,
    ReviewService,
    ReviewQueueService,
    ReviewRoundsService,
    PrioritiesService,
    NotificationsService,
    FilesService,
    AssessmentWorkflow,
    PdfRendererService,
    TemplatesService,
    AssessmentListService,
    AssessmentFilesService,
    AssessmentViewService,
    CertificationService,
    SealRegistryService,
    CertificateBatchService,
    SignatoriesService,
  ],
})
export class LifecycleModule {}
