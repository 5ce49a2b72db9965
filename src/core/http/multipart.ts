import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { type MessageKey, message } from '../i18n/message';
import { limitExceeded, scanJson } from './body-limits';

export interface UploadedFile {
  readonly field: string;
  readonly fileName: string;
  readonly declaredMime: string;
  readonly bytes: Buffer;
}

export interface MultipartForm {
  readonly fields: Record<string, string>;
  readonly files: UploadedFile[];
}

/** A form that cannot be read; `field` is the form field at fault (`body` for the whole form). */
const malformed = (reason: MessageKey, field = 'body', details?: Record<string, unknown>) =>
  new DomainError(
    'VALIDATION_FAILED',
    message('common.form.invalid', { reason: message(reason) }),
    [{ field, code: 'MALFORMED_FORM', message: message(reason) }],
    details,
  );

const READ = new WeakMap<FastifyRequest, Promise<MultipartForm>>();

/**
 * Reads a multipart/form-data request whole (files are small documents, bounded by MAX_UPLOAD_MB):
 * text fields and files. An oversized file is refused with 413 before anything is stored. The form is read
 * once per request (the idempotency check reads it before the route does).
 */
export function readMultipart(request: FastifyRequest): Promise<MultipartForm> {
  const form = READ.get(request) ?? readParts(request);
  READ.set(request, form);
  return form;
}

async function readParts(request: FastifyRequest): Promise<MultipartForm> {
  if (!request.isMultipart()) throw malformed('common.form.not-multipart');
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        files.push({
          field: part.fieldname,
          fileName: part.filename,
          declaredMime: part.mimetype,
          bytes: await part.toBuffer(),
        });
      } else {
        // A part sent as application/json (OpenAPI's default for an object field) arrives parsed.
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
      }
    }
  } catch (e) {
    const error = e as { code?: string; message: string };
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError('UPLOAD_TOO_LARGE', message('files.too-large'), [
        { field: 'file', code: 'TOO_LARGE', message: message('files.too-large.field') },
      ]);
    }
    throw malformed('common.form.unreadable', 'body', { reason: error.message });
  }
  return { fields, files };
}

/** The JSON carried in a form field (e.g. `data`), or a 400 naming the field. */
export function jsonField(form: MultipartForm, name: string): unknown {
  const raw = form.fields[name];
  if (raw === undefined) throw malformed('common.form.missing-field', name);
  const broken = scanJson(raw);
  if (broken) throw limitExceeded(broken, name);
  try {
    return JSON.parse(raw);
  } catch {
    throw malformed('common.form.not-json', name);
  }
}
