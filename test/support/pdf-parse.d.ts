// pdf-parse's index.js runs a self-test when it thinks it is the main module (as under Jest): load the library file.
declare module 'pdf-parse/lib/pdf-parse.js' {
  import pdfParse from 'pdf-parse';
  export default pdfParse;
}
