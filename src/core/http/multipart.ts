import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';

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

const malformed = (detail: string) =>
  new DomainError(
    'VALIDATION_FAILED',
    {
      'pt-BR': `Formulário inválido: ${detail}.`,
      en: `Invalid form: ${detail}.`,
    },
    [{ field: 'body', message: { 'pt-BR': detail, en: detail } }],
  );

/**
 * Reads a multipart/form-data request whole (files are small documents, bounded by MAX_UPLOAD_MB):
 * text fields and files. An oversized file is refused with 413 before anything is stored.
 */
export async function readMultipart(request: FastifyRequest): Promise<MultipartForm> {
  if (!request.isMultipart()) throw malformed('the request must be multipart/form-data');
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
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (e) {
    const error = e as { code?: string; message: string };
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError(
        'UPLOAD_TOO_LARGE',
        {
          'pt-BR': 'Arquivo grande demais.',
          en: 'File too large.',
        },
        [
          {
            field: 'file',
            code: 'TOO_LARGE',
            message: { 'pt-BR': 'o arquivo excede o limite de tamanho', en: 'the file exceeds the size limit' },
          },
        ],
      );
    }
    throw malformed(error.message);
  }
  return { fields, files };
}

/** The JSON carried in a form field (e.g. `data`), or a 400 naming the field. */
export function jsonField(form: MultipartForm, name: string): unknown {
  const raw = form.fields[name];
  if (raw === undefined) throw malformed(`the field "${name}" is missing`);
  try {
    return JSON.parse(raw);
  } catch {
    throw malformed(`the field "${name}" is not valid JSON`);
  }
}
