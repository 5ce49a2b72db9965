/** User-facing text: Portuguese (pt-BR) first, English second. */
export interface LocalizedText {
  'pt-BR': string;
  en: string;
}
