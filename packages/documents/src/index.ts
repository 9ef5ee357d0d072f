export { cjkFont, type FontWeight } from './fonts.js';
export { renderPdf, wrapText, type PrintedDocument } from './pdf.js';
export {
  certificateRows,
  chineseDate,
  qrModules,
  renderCertificatePdf,
  type CertificatePdfOptions,
  type CertificatePrintFacts,
} from './certificate.js';
