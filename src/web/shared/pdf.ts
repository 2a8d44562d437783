// Documents a citizen downloads as PDF (the debt statement now, certificates later): A4 pages with the
// municipality's header and the date of issue on each, wrapped paragraphs, facts, tables whose header row
// is repeated on every page they run onto, money right-aligned, a vector QR code, and «Σελίδα 1 από 2»
// in the footer. Built on pdf-lib; the text in DejaVu Sans Condensed (shipped by dejavu-fonts-ttf),
// which has every Greek and Latin letter, embedded as a subset so a statement stays a few tens of KB.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { PDFDocument, rgb } from 'pdf-lib';

/** A4 upright, in points. */
const A4 = { short: 595.28, long: 841.89 };
const MARGIN = 40;
const FOOTER = 28;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.75, 0.75, 0.75);
const SHADE = rgb(0.92, 0.92, 0.92);
/** A warning on a document's face (a test document's): red, as a stamp would be. */
const ALERT = rgb(0.75, 0.05, 0.05);
const CELL_PAD = 3;
const QR_QUIET = 4;

const fontFile = createRequire(import.meta.url);
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;
/** Read once per process: the two faces are 1.3 MB together, and every document uses both. */
const fontBytes = (): Promise<{ regular: Uint8Array; bold: Uint8Array }> => {
  fonts ??= Promise.all([
    readFile(fontFile.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf')),
    readFile(fontFile.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
};
let monoFont: Promise<Uint8Array> | null = null;
/** Only documents that print a code read it (certificates): 330 KB the statement does without. */
const monoBytes = (): Promise<Uint8Array> => {
  monoFont ??= readFile(fontFile.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf'));
  return monoFont;
};
// pdf-lib tags a subset font's name with a random prefix unless given one: a fixed tag per face makes two
// renders of the same content the same bytes (a subset tag need only be unique within its document).
const FONT_NAMES = { regular: 'ODREGU+DejaVuSansCondensed', bold: 'ODBOLD+DejaVuSansCondensed-Bold', mono: 'ODMONO+DejaVuSansMono-Bold' } as const;

/**
 * OpenType shaping off: Greek and Latin need none (no ligature or contextual form is required to read them),
 * and fontkit's shaping of every string drawn and measured was most of a certificate's 90 ms (bench/applications).
 */
const NO_SHAPING = { liga: false, clig: false, calt: false, kern: false, ccmp: false, locl: false, mark: false, mkmk: false, rlig: false, dlig: false } as const;

/** Each character's advance at size 1, per embedded font: without shaping a line's width is their sum. */
const advances = new WeakMap<PDFFont, Map<string, number>>();

const widthOf = (font: PDFFont, text: string, size: number): number => {
  let known = advances.get(font);
  if (!known) advances.set(font, (known = new Map<string, number>()));
  let width = 0;
  for (const char of text) {
    let advance = known.get(char);
    if (advance === undefined) known.set(char, (advance = font.widthOfTextAtSize(char, 1)));
    width += advance;
  }
  return width * size;
};

export interface PdfDocumentOptions {
  /** The document's title, in its metadata (the reader's window shows it). */
  readonly title: string;
  /** At the top of every page, first line bold: the municipality's name, then e.g. the date of issue. */
  readonly header: readonly string[];
  /** The footer of page `page` of `pages`: «Σελίδα 1 από 2 / Page 1 of 2». */
  readonly pageLabel: (page: number, pages: number) => string;
  /** BCP 47, for screen readers and search: 'el-GR', 'en-GB'. */
  readonly language: string;
  readonly author: string;
  /** The document's date (metadata); the header states it in words. */
  readonly issuedAt: Date;
  /** Landscape for wide tables (a statement's ten columns); certificates stand upright. */
  readonly orientation?: 'portrait' | 'landscape';
  /** At the top right of every page beside `header`, right-aligned, first line bold: a protocol number and date. */
  readonly headerRight?: readonly string[];
  /** Embeds DejaVu Sans Mono Bold for text styled `mono` (codes read aloud: 0 and O, 1 and I told apart). */
  readonly mono?: boolean;
}

export interface PdfColumn {
  /** Its header cell; may hold `\n` (Greek and English on two lines). */
  readonly header: string;
  /** A share of the text width, against the other columns' weights. */
  readonly weight: number;
  /** Money and counts are right-aligned. */
  readonly align?: 'left' | 'right';
}

export interface PdfTable {
  readonly columns: readonly PdfColumn[];
  readonly rows: readonly (readonly string[])[];
  /** Rows in bold after the body, below a rule (totals). */
  readonly totals?: readonly (readonly string[])[];
  readonly size?: number;
}

/** A QR symbol's modules, as `qrcode`'s create() gives them: `size` × `size`, 1 for a dark module. */
export interface QrMatrix {
  readonly size: number;
  readonly data: ArrayLike<number>;
}

export interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly muted?: boolean;
  /** Red: a warning on the document's face. */
  readonly alert?: boolean;
  /** DejaVu Sans Mono Bold; needs the document's `mono` option. */
  readonly mono?: boolean;
  readonly align?: 'left' | 'centre';
}

/** Beside a QR code: a line of muted text, a label and its bold value, or text in a style of its own. */
export type QrBeside = string | readonly [string, string] | { readonly text: string; readonly style: TextStyle };

export interface QrOptions {
  /** A thin frame around the symbol and its text. */
  readonly frame?: boolean;
  /** Set at the foot of the page (above the footer), where a verification box belongs; on a new page if the text reached there. */
  readonly bottom?: boolean;
}

/** Splits text into lines that fit `width`: at spaces, and inside a word only when the word alone is too wide. */
export const wrapText = (text: string, width: number, measure: (text: string) => number): string[] => {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      let rest = word;
      while (measure(rest) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
};

/** One document being written top to bottom; `finish` numbers the pages and gives the file's bytes. */
export class PdfWriter {
  private page: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];
  /** The header row of the table being drawn, to repeat on a new page. */
  private repeat: (() => void) | null = null;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly mono: PDFFont | null,
    private readonly options: PdfDocumentOptions,
  ) {
    this.page = this.newPage();
  }

  static async start(options: PdfDocumentOptions): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    // A parsed font is not shared between documents: fontkit's glyphs then carry one subset's ids into the
    // next (its text comes back garbled), so each document parses its fonts anew (about 100 ms).
    doc.registerFontkit(fontkit);
    const bytes = await fontBytes();
    const [regular, bold, mono] = await Promise.all([
      doc.embedFont(bytes.regular, { subset: true, customName: FONT_NAMES.regular, features: NO_SHAPING }),
      doc.embedFont(bytes.bold, { subset: true, customName: FONT_NAMES.bold, features: NO_SHAPING }),
      options.mono ? doc.embedFont(await monoBytes(), { subset: true, customName: FONT_NAMES.mono, features: NO_SHAPING }) : null,
    ]);
    doc.setTitle(options.title, { showInWindowTitleBar: true });
    doc.setLanguage(options.language);
    doc.setAuthor(options.author);
    doc.setCreator('OpenDimos');
    doc.setProducer('OpenDimos (pdf-lib)');
    doc.setCreationDate(options.issuedAt);
    doc.setModificationDate(options.issuedAt);
    return new PdfWriter(doc, regular, bold, mono, options);
  }

  private get size(): [number, number] {
    return this.options.orientation === 'landscape' ? [A4.long, A4.short] : [A4.short, A4.long];
  }

  private get width(): number {
    return this.size[0] - 2 * MARGIN;
  }

  private fontOf(style: TextStyle): PDFFont {
    if (style.mono) {
      if (!this.mono) throw new Error('PdfWriter: text styled mono needs the document option mono: true');
      return this.mono;
    }
    return style.bold ? this.bold : this.regular;
  }

  private colourOf(style: TextStyle) {
    return style.alert ? ALERT : style.muted ? MUTED : INK;
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage(this.size);
    this.pages.push(page);
    this.page = page;
    this.y = this.size[1] - MARGIN;
    const top = this.y;
    const headerLines = (lines: readonly string[], right: boolean): number => {
      let y = top;
      lines.forEach((line, i) => {
        const size = i === 0 ? 11 : 8.5;
        const font = i === 0 ? this.bold : this.regular;
        y -= size;
        const x = right ? MARGIN + this.width - widthOf(font, line, size) : MARGIN;
        page.drawText(line, { x, y, size, font, color: i === 0 ? INK : MUTED });
        y -= size * 0.35;
      });
      return y;
    };
    this.y = Math.min(headerLines(this.options.header, false), headerLines(this.options.headerRight ?? [], true));
    this.y -= 4;
    page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness: 0.6, color: RULE });
    this.y -= 12;
    return page;
  }

  /** Starts a new page when `height` does not fit on this one; a table's header comes again on it. */
  private room(height: number): void {
    if (this.y - height >= MARGIN + FOOTER) return;
    this.newPage();
    this.repeat?.();
  }

  private lineHeight(size: number): number {
    return size * 1.3;
  }

  space(points: number): this {
    this.y -= points;
    return this;
  }

  /** Wrapped text across the page width; a line that does not fit goes to the next page. */
  text(text: string, style: TextStyle = {}): this {
    const size = style.size ?? 9.5;
    const font = this.fontOf(style);
    for (const line of wrapText(text, this.width, (t) => widthOf(font, t, size))) {
      this.room(this.lineHeight(size));
      this.y -= this.lineHeight(size);
      const x = style.align === 'centre' ? MARGIN + (this.width - widthOf(font, line, size)) / 2 : MARGIN;
      this.page.drawText(line, { x, y: this.y + size * 0.25, size, font, color: this.colourOf(style) });
    }
    return this.space(size * 0.4);
  }

  /** A heading, on the next page unless it fits with its first lines, or with the `keep` points that follow it. */
  heading(text: string, size = 12, keep = 0): this {
    this.room(this.lineHeight(size) * 3 + keep);
    this.space(size * 0.4);
    return this.text(text, { size, bold: true });
  }

  /** Label and value pairs, the label's column as wide as the longest label needs (at most 40 %). */
  facts(rows: readonly (readonly [string, string])[], size = 9.5): this {
    const labelWidth = Math.min(this.width * 0.4, Math.max(...rows.map(([label]) => widthOf(this.bold, label, size))) + 12);
    return this.table({ columns: [{ header: '', weight: labelWidth }, { header: '', weight: this.width - labelWidth }], rows, size }, false);
  }

  table(spec: PdfTable, withHeader = true): this {
    const size = spec.size ?? 8;
    const total = spec.columns.reduce((s, c) => s + c.weight, 0);
    const widths = spec.columns.map((c) => (c.weight / total) * this.width);
    const row = (cells: readonly string[], style: TextStyle & { shade?: boolean; ruleAbove?: boolean }) => {
      const font = this.fontOf(style);
      const lines = cells.map((cell, i) => wrapText(cell, widths[i]! - 2 * CELL_PAD, (t) => widthOf(font, t, size)));
      const height = Math.max(...lines.map((l) => l.length)) * this.lineHeight(size) + 2 * CELL_PAD;
      this.room(height);
      const top = this.y;
      if (style.shade) this.page.drawRectangle({ x: MARGIN, y: top - height, width: this.width, height, color: SHADE });
      if (style.ruleAbove) this.page.drawLine({ start: { x: MARGIN, y: top }, end: { x: MARGIN + this.width, y: top }, thickness: 0.8, color: INK });
      let x = MARGIN;
      lines.forEach((cellLines, i) => {
        const right = spec.columns[i]!.align === 'right';
        cellLines.forEach((line, n) => {
          const baseline = top - CELL_PAD - (n + 1) * this.lineHeight(size) + size * 0.3;
          const lineX = right ? x + widths[i]! - CELL_PAD - widthOf(font, line, size) : x + CELL_PAD;
          this.page.drawText(line, { x: lineX, y: baseline, size, font, color: INK });
        });
        x += widths[i]!;
      });
      this.y = top - height;
      this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness: 0.4, color: RULE });
    };
    const header = () => row(spec.columns.map((c) => c.header), { bold: true, shade: true });
    if (withHeader) {
      // The header and at least the first row together: a header alone at the foot of a page helps no one.
      this.room(this.lineHeight(size) * 5 + 4 * CELL_PAD);
      header();
      this.repeat = header;
    }
    try {
      for (const cells of spec.rows) row(cells, {});
      (spec.totals ?? []).forEach((cells, i) => row(cells, { bold: true, ruleAbove: i === 0 }));
    } finally {
      this.repeat = null;
    }
    return this.space(8);
  }

  /**
   * A QR code `side` points wide with its quiet zone (four modules, as ISO/IEC 18004 asks), drawn as vector
   * squares (sharp in print); beside it, label and value pairs (the value in bold) and lines of text.
   */
  qr(matrix: QrMatrix, side: number, beside: readonly QrBeside[] = [], options: QrOptions = {}): this {
    const size = 9;
    const pad = options.frame ? 6 : 0;
    const x = MARGIN + pad + side + 8;
    const width = this.width - side - 8 - 2 * pad;
    const pairs = beside.filter((item): item is readonly [string, string] => Array.isArray(item));
    const labelWidth = Math.max(0, ...pairs.map(([label]) => widthOf(this.regular, label, size))) + 10;
    // Laid out first and drawn after, so that the box's height is known before it is placed.
    const lines: { text: string; x: number; dy: number; size: number; font: PDFFont; color: ReturnType<typeof rgb> }[] = [];
    let dy = 0;
    for (const item of beside) {
      if (Array.isArray(item)) {
        const [label, value] = item as readonly [string, string];
        dy += this.lineHeight(size);
        lines.push({ text: label, x, dy, size, font: this.regular, color: MUTED }, { text: value, x: x + labelWidth, dy, size, font: this.bold, color: INK });
        dy += 3;
        continue;
      }
      const { text, style } = typeof item === 'string' ? { text: item, style: { muted: true } } : (item as { readonly text: string; readonly style: TextStyle });
      const itemSize = style.size ?? size;
      const font = this.fontOf(style);
      for (const line of wrapText(text, width, (t) => widthOf(font, t, itemSize))) {
        dy += this.lineHeight(itemSize);
        lines.push({ text: line, x, dy, size: itemSize, font, color: this.colourOf(style) });
      }
      dy += 3;
    }
    const module = side / (matrix.size + 2 * QR_QUIET);
    const height = Math.max(side, dy + QR_QUIET * module) + 2 * pad;
    this.room(height + 8);
    if (options.bottom) this.y = MARGIN + FOOTER + height;
    const boxTop = this.y;
    if (options.frame) this.page.drawRectangle({ x: MARGIN, y: boxTop - height, width: this.width, height, borderColor: RULE, borderWidth: 0.8 });
    const left = MARGIN + pad + QR_QUIET * module;
    const top = boxTop - pad - QR_QUIET * module;
    for (let row = 0; row < matrix.size; row++) {
      let col = 0;
      while (col < matrix.size) {
        if (matrix.data[row * matrix.size + col] !== 1) {
          col++;
          continue;
        }
        const start = col;
        while (col < matrix.size && matrix.data[row * matrix.size + col] === 1) col++;
        this.page.drawRectangle({ x: left + start * module, y: top - (row + 1) * module, width: (col - start) * module, height: module, color: rgb(0, 0, 0) });
      }
    }
    for (const line of lines) this.page.drawText(line.text, { x: line.x, y: top - line.dy, size: line.size, font: line.font, color: line.color });
    this.y = boxTop - height - 8;
    return this;
  }

  /** Numbers every page and gives the file. */
  async finish(): Promise<Uint8Array> {
    const count = this.pages.length;
    this.pages.forEach((page, i) => {
      const label = this.options.pageLabel(i + 1, count);
      const width = widthOf(this.regular, label, 8);
      page.drawText(label, { x: MARGIN + this.width - width, y: MARGIN - 14, size: 8, font: this.regular, color: MUTED });
      page.drawLine({ start: { x: MARGIN, y: MARGIN - 2 }, end: { x: MARGIN + this.width, y: MARGIN - 2 }, thickness: 0.4, color: RULE });
    });
    return this.doc.save();
  }
}

/** `Content-Disposition` for a download: the file name kept to ASCII letters, digits, `-`, `_` and `.`. */
export const attachment = (fileName: string): string => `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]+/g, '-')}"`;
