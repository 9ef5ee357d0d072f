export { cjkFont, type FontWeight } from './fonts.js';
export { renderPdf, wrapText, type PrintedDocument } from './pdf.js';
