// For tests only (pdfjs-dist is a dev dependency): the text a PDF reader extracts, as browsers' pdf.js does.
/** All pages' text, whitespace removed (Chinese has none; line breaks of the layout are not content). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes) }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++)
    for (const item of (await (await doc.getPage(i)).getTextContent()).items)
      if ('str' in item) text += item.str;
  return text.replace(/\s+/g, '');
}
