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

/** A page rendered to RGBA pixels the way pdf.js draws it (with @napi-rs/canvas, pdf.js's canvas in Node). */
export async function pdfPageImage(
  bytes: Uint8Array,
  pageNumber = 1,
  scale = 2,
): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: ctx as never, viewport }).promise;
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
}
