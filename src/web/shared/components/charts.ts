// Charts as inline SVG, drawn for a phone's width (user units ≈ CSS pixels at 360 px) and scaled up on
// wider screens. Each is an image with a title for screen readers; the numbers themselves are always in
// the table printed beside it. Geometry comes from exact cents; the decimal strings are never floats.
import { centsOf, formatCompactEuro, formatShare, ratio } from '../format.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { Lang } from '../lang.ts';

const WIDTH = 340;
const CHAR = 7.8; // a generous average advance of a 13-unit system-font glyph (Greek runs wide), for laying out labels

const truncate = (text: string, chars: number): string => (text.length <= chars ? text : `${text.slice(0, chars - 1).trimEnd()}…`);

interface LegendEntry {
  readonly label: string;
  readonly className: string;
}

/** Legend swatches in rows that wrap at the chart's width; returns the markup and the height used. */
const legend = (entries: readonly LegendEntry[], y0: number): { markup: Html; height: number } => {
  let x = 0;
  let y = y0;
  const items = entries.map((entry) => {
    const width = 16 + entry.label.length * CHAR + 14;
    if (x > 0 && x + width > WIDTH) {
      x = 0;
      y += 18;
    }
    const item = html`<rect x="${x}" y="${y}" width="11" height="11" class="${entry.className}"/><text x="${x + 16}" y="${y + 10}" class="chart-legend">${entry.label}</text>`;
    x += width;
    return item;
  });
  return { markup: html`${items}`, height: y - y0 + 22 };
};

export interface ExecutionRow {
  readonly label: string;
  readonly final: string;
  /** Drawn between the budget and the executed amount: commitments or assessments. */
  readonly middle: string | null;
  readonly executed: string;
}

export interface ExecutionChart {
  readonly id: string;
  readonly title: string;
  readonly legend: { readonly final: string; readonly middle: string | null; readonly executed: string };
  readonly rows: readonly ExecutionRow[];
}

/** One bar per row: the final budget, and over it what was committed (or assessed) and paid (or collected). */
export const executionChart = (chart: ExecutionChart): Html => {
  const entries: LegendEntry[] = [
    { label: chart.legend.final, className: 'bar-final' },
    ...(chart.legend.middle ? [{ label: chart.legend.middle, className: 'bar-middle' }] : []),
    { label: chart.legend.executed, className: 'bar-executed' },
  ];
  const key = legend(entries, 0);
  const rowHeight = 40;
  const max = chart.rows.reduce((m, r) => [r.final, r.middle ?? '0', r.executed].map(centsOf).reduce((a, b) => (a > b ? a : b), m), 0n);
  const width = (amount: string): string => (ratio(centsOf(amount), max) * WIDTH).toFixed(1);
  const rows = chart.rows.map((row, i) => {
    const y = key.height + i * rowHeight;
    const share = formatShare(row.executed, row.final);
    const labelChars = Math.floor((WIDTH - share.length * CHAR - 8) / CHAR);
    return html`<g>
  <text x="0" y="${y + 12}" class="chart-label">${truncate(row.label, labelChars)}</text>
  <text x="${WIDTH}" y="${y + 12}" class="chart-value" text-anchor="end">${share}</text>
  <rect x="0" y="${y + 17}" width="${WIDTH}" height="14" class="bar-track"/>
  <rect x="0" y="${y + 17}" width="${width(row.final)}" height="14" class="bar-final"/>
  <rect x="0" y="${y + 17}" width="${width(row.executed)}" height="14" class="bar-executed"/>
  ${row.middle !== null ? html`<rect x="0" y="${y + 27}" width="${width(row.middle)}" height="4" class="bar-middle"/>` : null}
</g>`;
  });
  const height = key.height + chart.rows.length * rowHeight;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${chart.id}-title" focusable="false">
<title id="${chart.id}-title">${chart.title}</title>
${key.markup}
${rows}
</svg>`;
};

export interface ColumnSeries {
  readonly label: string;
  readonly className: string;
  readonly values: readonly string[];
}

export interface ColumnChart {
  readonly id: string;
  readonly title: string;
  readonly lang: Lang;
  readonly categories: readonly string[];
  readonly series: readonly ColumnSeries[];
}

/** The smallest 1, 2 or 5 × 10ⁿ euros at or above `cents`: round gridlines. */
export const niceCeiling = (cents: bigint): bigint => {
  if (cents <= 100n) return 100n;
  let power = 100n;
  while (power * 10n < cents) power *= 10n;
  for (const step of [1n, 2n, 5n, 10n]) if (step * power >= cents) return step * power;
  return 10n * power;
};

/** Grouped columns per category (months), with three gridlines labelled in compact euros. */
export const columnChart = (chart: ColumnChart): Html => {
  const key = legend(
    chart.series.map((s) => ({ label: s.label, className: s.className })),
    0,
  );
  const axis = 56;
  const plotTop = key.height + 6;
  const plotHeight = 150;
  const base = plotTop + plotHeight;
  const max = niceCeiling(chart.series.flatMap((s) => s.values.map(centsOf)).reduce((a, b) => (a > b ? a : b), 0n));
  const slot = (WIDTH - axis) / chart.categories.length;
  const barWidth = Math.min(12, (slot - 4) / chart.series.length);
  const grid = [0n, max / 2n, max].map((value) => {
    const y = (base - ratio(value, max) * plotHeight).toFixed(1);
    return html`<line x1="${axis}" x2="${WIDTH}" y1="${y}" y2="${y}" class="chart-grid"/><text x="${axis - 4}" y="${Number(y) + 4}" class="chart-axis" text-anchor="end">${formatCompactEuro(value, chart.lang)}</text>`;
  });
  const columns = chart.categories.map((category, i) => {
    const x0 = axis + i * slot + (slot - barWidth * chart.series.length) / 2;
    return html`<g>${chart.series.map((s, j) => {
      const h = ratio(centsOf(s.values[i] ?? '0'), max) * plotHeight;
      return html`<rect x="${(x0 + j * barWidth).toFixed(1)}" y="${(base - h).toFixed(1)}" width="${(barWidth - 1).toFixed(1)}" height="${h.toFixed(1)}" class="${s.className}"/>`;
    })}<text x="${(axis + i * slot + slot / 2).toFixed(1)}" y="${base + 14}" class="chart-axis" text-anchor="middle">${category}</text></g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${base + 20}" role="img" aria-labelledby="${chart.id}-title" focusable="false">
<title id="${chart.id}-title">${chart.title}</title>
${key.markup}
${grid}
${columns}
</svg>`;
};

/**
 * A chart and its table: side by side on wide screens when the table is narrow, otherwise (and on phones)
 * the table right below the chart.
 */
export const chartWithTable = (chart: Html, table: Html, layout: 'side' | 'stacked' = 'side'): Html =>
  html`<div class="chart-pair chart-pair-${layout}"><figure class="chart-figure">${chart}</figure>${table}</div>`;

export interface ValueBars {
  readonly id: string;
  readonly title: string;
  readonly lang: Lang;
  readonly rows: readonly { readonly label: string; readonly value: string }[];
}

/** One bar per row, its length the row's share of the largest, labelled with its compact amount. */
export const valueBars = (chart: ValueBars): Html => {
  const rowHeight = 36;
  const max = chart.rows.map((r) => centsOf(r.value)).reduce((a, b) => (a > b ? a : b), 0n);
  const rows = chart.rows.map((row, i) => {
    const y = i * rowHeight;
    const amount = formatCompactEuro(centsOf(row.value), chart.lang);
    return html`<g>
  <text x="0" y="${y + 12}" class="chart-label">${truncate(row.label, Math.floor((WIDTH - amount.length * CHAR - 8) / CHAR))}</text>
  <text x="${WIDTH}" y="${y + 12}" class="chart-value" text-anchor="end">${amount}</text>
  <rect x="0" y="${y + 17}" width="${WIDTH}" height="12" class="bar-track"/>
  <rect x="0" y="${y + 17}" width="${(ratio(centsOf(row.value), max) * WIDTH).toFixed(1)}" height="12" class="bar-executed"/>
</g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${chart.rows.length * rowHeight}" role="img" aria-labelledby="${chart.id}-title" focusable="false">
<title id="${chart.id}-title">${chart.title}</title>
${rows}
</svg>`;
};
