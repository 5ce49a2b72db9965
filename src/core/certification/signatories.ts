import type { FieldProblem } from '../errors/domain-error';
import { sniffContentType } from '../files/content-sniffing';
import { message } from '../i18n/message';
import { SIGNATORIES } from './seal-credential';

/** The images an edition's seal may carry. */
export const IMAGE_SLOTS = ['universitySignature', 'iomSignature', 'universityLogo', 'iomLogo'] as const;
export type ImageSlot = (typeof IMAGE_SLOTS)[number];

export const TEXT_FIELDS = ['universityName', 'universityTitle', 'iomName', 'iomTitle'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Printed on every seal, so kept small. */
export const MAX_IMAGE_BYTES = 512 * 1024;
const MAX_LENGTH: Record<TextField, number> = {
  universityName: 120,
  universityTitle: 160,
  iomName: 120,
  iomTitle: 160,
};

export interface Signatory {
  readonly name: string;
  readonly title: string;
  /** A data URL (PNG or JPEG), or null. */
  readonly signature: string | null;
}

export interface EditionSignatories {
  readonly editionYear: number;
  /** False while the edition prints the default offices. */
  readonly configured: boolean;
  readonly university: Signatory;
  readonly iom: Signatory;
  readonly universityLogo: string | null;
  readonly iomLogo: string | null;
}

export interface SignatoriesInput {
  readonly texts: Partial<Record<TextField, string>>;
  readonly images: Partial<Record<ImageSlot, Uint8Array>>;
  /** Images to take off the seal. */
  readonly remove: readonly ImageSlot[];
}

/** What an edition prints before anyone names its signatories. */
export function defaultSignatories(editionYear: number): EditionSignatories {
  const [university, iom] = SIGNATORIES;
  return {
    editionYear,
    configured: false,
    university: { name: university.name, title: university.role, signature: null },
    iom: { name: iom.name, title: iom.role, signature: null },
    universityLogo: null,
    iomLogo: null,
  };
}

/** A PNG or JPEG, by its bytes, as a data URL; otherwise the problem with it. */
export function imageDataUrl(bytes: Uint8Array): { url: string } | { problem: 'type' | 'size' } {
  const type = sniffContentType(bytes);
  if (!type || (type.mime !== 'image/png' && type.mime !== 'image/jpeg')) return { problem: 'type' };
  if (bytes.length > MAX_IMAGE_BYTES) return { problem: 'size' };
  return { url: `data:${type.mime};base64,${Buffer.from(bytes).toString('base64')}` };
}

/**
 * The signatories after the input is applied to what the edition had, or the problems of each field: names and
 * titles are required and of bounded length; images must be PNG or JPEG (by their bytes) and small.
 */
export function applySignatories(
  current: EditionSignatories,
  input: SignatoriesInput,
): { ok: EditionSignatories } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const texts = {} as Record<TextField, string>;
  for (const field of TEXT_FIELDS) {
    const value = (input.texts[field] ?? '').trim().replace(/\s+/g, ' ');
    if (value === '') problems.push({ field, message: message('certification.signatories.required') });
    else if (value.length > MAX_LENGTH[field])
      problems.push({ field, message: message('certification.signatories.too-long', { max: MAX_LENGTH[field] }) });
    texts[field] = value;
  }
  const images = {
    universitySignature: current.university.signature,
    iomSignature: current.iom.signature,
    universityLogo: current.universityLogo,
    iomLogo: current.iomLogo,
  } as Record<ImageSlot, string | null>;
  for (const slot of input.remove) images[slot] = null;
  for (const slot of IMAGE_SLOTS) {
    const bytes = input.images[slot];
    if (!bytes || bytes.length === 0) continue;
    const result = imageDataUrl(bytes);
    if ('url' in result) images[slot] = result.url;
    else
      problems.push({
        field: slot,
        message:
          result.problem === 'type'
            ? message('certification.signatories.image-type')
            : message('certification.signatories.image-too-large', { limit: MAX_IMAGE_BYTES / 1024 }),
      });
  }
  if (problems.length > 0) return { problems };
  return {
    ok: {
      editionYear: current.editionYear,
      configured: true,
      university: { name: texts.universityName, title: texts.universityTitle, signature: images.universitySignature },
      iom: { name: texts.iomName, title: texts.iomTitle, signature: images.iomSignature },
      universityLogo: images.universityLogo,
      iomLogo: images.iomLogo,
    },
  };
}
