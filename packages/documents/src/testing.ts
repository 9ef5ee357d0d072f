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

/**
 * Each TrueType font embedded in a PDF, read back with fontkit: how many glyphs it has and how many of them fail to
 * decode or have no outline. A subset with misaligned glyph offsets shows up here though text extraction works.
 */
export async function embeddedFontGlyphs(
  bytes: Uint8Array,
): Promise<{ glyphs: number; broken: number; empty: number }[]> {
  const { PDFDocument, PDFRawStream, PDFName } = await import('pdf-lib');
  const { inflateSync } = await import('node:zlib');
  const { default: fontkit } = await import('@pdf-lib/fontkit');
  const doc = await PDFDocument.load(bytes);
  const out: { glyphs: number; broken: number; empty: number }[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const filter = obj.dict.get(PDFName.of('Filter'));
    const data = filter === PDFName.of('FlateDecode') ? inflateSync(obj.contents) : Buffer.from(obj.contents);
    // TrueType sfnt versions: 1.0 or 'true' (what fontkit's subsetter writes)
    if (data.length < 12 || ![0x00010000, 0x74727565].includes(data.readUInt32BE(0))) continue;
    const font = fontkit.create(data);
    let broken = 0;
    let empty = 0;
    for (let g = 0; g < font.numGlyphs; g++) {
      try {
        if ((font.getGlyph(g).path as unknown as { commands: unknown[] }).commands.length === 0) empty++;
      } catch {
        broken++;
      }
    }
    out.push({ glyphs: font.numGlyphs, broken, empty });
  }
  return out;
}
