import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiExtraModels, getSchemaPath, type SchemaObject } from '@nestjs/swagger';
import { ApiMultipartBody, binaryFile } from '../http/openapi';
import { EnrolmentDto, EvidenceRefDto } from './assessment.dto';

/**
 * The documented bodies of the assessment routes that the DTOs alone cannot describe: multipart forms the
 * controller reads itself, and an answer whose value takes several shapes.
 */
export const ApiEnrolmentBody = () =>
  ApiMultipartBody({
    description: 'The enrolment form: its data as JSON text and the signed letter of intent',
    required: ['data', 'letterOfIntent'],
    models: [EnrolmentDto],
    properties: {
      data: {
        type: 'object',
        description:
          'JSON text: the enrolling government, its focal person and substitutes, and the local service for migrants',
        allOf: [{ $ref: getSchemaPath(EnrolmentDto) }],
      },
      letterOfIntent: binaryFile('The letter of intent signed by the head of government (PDF)'),
    },
  });

export const ApiCourseCompletionBody = () =>
  ApiMultipartBody({
    description: 'The focal person\u2019s completion of the online course on local migration governance',
    required: ['completedAt', 'certificate'],
    properties: {
      completedAt: { type: 'string', format: 'date', example: '2024-04-10', description: 'YYYY-MM-DD' },
      certificate: binaryFile('The course completion certificate (PDF or image)'),
    },
  });

export const ApiEvidenceBody = () =>
  ApiMultipartBody({
    description: 'One evidence file; the answer then refers to it by the returned sha256',
    required: ['file'],
    properties: {
      file: binaryFile('PDF, image or office document (its type is checked by content, not by name)'),
    },
  });

/** What `value` may be, by item type; `null` clears the answer. */
const ANSWER_VALUE: SchemaObject = {
  nullable: true,
  description:
    'yes-partial-no: "yes", "partial", "no" (or "not-applicable" where the item allows it); single choice: the ' +
    'option key; multiple choice: the option keys; number: a number; text: the text; evidence item: a link ' +
    '{ "url" } or an uploaded file { "file": sha256 }; null clears the answer',
  oneOf: [
    { type: 'string', example: 'yes' },
    { type: 'number', example: 120 },
    { type: 'array', items: { type: 'string' }, example: ['spanish', 'english'] },
    {
      type: 'object',
      required: ['url'],
      properties: { url: { type: 'string', example: 'https://portoalegre.rs.gov.br/decreto-123.pdf' } },
    },
    {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', description: 'sha256 returned by the evidence upload' } },
    },
  ],
  example: 'yes',
};

export const ApiSaveAnswersBody = () =>
  applyDecorators(
    ApiExtraModels(EvidenceRefDto),
    ApiBody({
      required: true,
      description: 'One or a batch of answers; each names the version of the answer it changes',
      schema: {
        type: 'object',
        required: ['answers'],
        properties: {
          answers: {
            type: 'array',
            minItems: 1,
            maxItems: 500,
            items: {
              type: 'object',
              required: ['group', 'itemKey', 'value', 'expectedVersion'],
              properties: {
                group: { type: 'string', maxLength: 64, example: 'governance' },
                itemKey: { type: 'string', maxLength: 64, example: 'focal-body' },
                value: ANSWER_VALUE,
                evidence: {
                  type: 'array',
                  maxItems: 10,
                  description: 'Links or uploaded files that prove the answer; omitted: the evidence stays as it was',
                  items: { $ref: getSchemaPath(EvidenceRefDto) },
                },
                expectedVersion: {
                  type: 'integer',
                  minimum: 0,
                  example: 0,
                  description:
                    'The answer\u2019s version this save changes (0 for a first answer); a stale one gets 409',
                },
              },
            },
          },
        },
      },
    }),
  );
