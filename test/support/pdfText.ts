// The text of a PDF, page by page, as a reader's copy and paste gives it: through pdfjs-dist (Mozilla's
// PDF.js, its build for Node), so a test reads what a viewer would show, not what our writer meant to draw.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Every page's text, items joined by spaces and every run of white space (no-break ones too) made one space. */
export const pdfPages = async (bytes: Uint8Array): Promise<string[]> => {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      pages.push(text.replace(/\s+/gu, ' ').trim());
    }
    return pages;
  } finally {
    await doc.destroy();
  }
};
