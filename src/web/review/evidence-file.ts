/** The only types a reviewer's browser shows inside the page; anything else (HTML above all) is downloaded. */
export const PREVIEWABLE = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** `inline` for a PDF or an image, `attachment` otherwise, with the file's name made safe for the header. */
export function inlineDisposition(mime: string, fileName: string): string {
  const kind = (PREVIEWABLE as readonly string[]).includes(mime) ? 'inline' : 'attachment';
  return `${kind}; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`;
}
