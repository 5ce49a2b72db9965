/** "São José dos Campos" → "sao-jose-dos-campos": a file name that reads well and survives any system. */
export function asciiSlug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A download's file name: the document, the edition, the government and its state. */
export function downloadName(document: string, year: number, government: { name: string; uf: string }): string {
  return `${document}-${year}-${asciiSlug(government.name)}-${government.uf.toLowerCase()}.pdf`;
}

/** The content-disposition of a download, with the file name ASCII-only (so every browser keeps it). */
export const attachment = (fileName: string) =>
  `attachment; filename="${asciiSlug(fileName.replace(/\.pdf$/, ''))}.pdf"`;
