// The CJK font every printed document uses: Noto Sans SC (SIL OFL 1.1) from the npm registry, so it installs with
// the rest and needs no system font. Each PDF embeds only the glyphs it uses (pdf-lib's subsetting): a one-page
// 备案证明 stays tens of kilobytes although the font is 10 MB.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

const loaded = new Map<FontWeight, Promise<Uint8Array>>();

/** The font file's bytes, read once per process. */
export function cjkFont(weight: FontWeight): Promise<Uint8Array> {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = readFile(require.resolve(FILES[weight])).then((b) => new Uint8Array(b));
    loaded.set(weight, bytes);
  }
  return bytes;
}
