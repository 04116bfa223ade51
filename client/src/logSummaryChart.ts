/**
 * The histogram of a log summary as an SVG drawn here (no chart library, no CDN, no script): codes per time bin, the
 * top codes stacked in their own colours, the rest as "other (N codes)"; codes on lines without a timestamp are not
 * drawn but counted and named under the chart, so the chart hides nothing. Every piece of text from the log or the
 * registry is escaped; the page's Content-Security-Policy allows only inline styles.
 */
import type { LogSummary } from '../../server/src/protocol';

/** At most this many bars: minutes are grouped into bins of whole minutes. */
const MAX_BARS = 120;
const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7'];
const OTHER = '#9c9c9c';

/** Text for XML/HTML, attribute-safe. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface Bins {
  /** Start of each bin (epoch ms) and its width in minutes. */
  starts: number[];
  minutes: number;
  /** Per series (then "other" last), counts per bin. */
  series: number[][];
  total: number[];
}

/** Groups the summary's per-minute counts into at most MAX_BARS bins spanning first to last minute. */
export function bin(summary: LogSummary, maxBars = MAX_BARS): Bins | undefined {
  const h = summary.histogram;
  if (!h.minutes.length) return undefined;
  const first = h.minutes[0] / 60000;
  const last = h.minutes[h.minutes.length - 1] / 60000;
  const width = Math.max(1, Math.ceil((last - first + 1) / maxBars));
  const bars = Math.floor((last - first) / width) + 1;
  const starts = Array.from({ length: bars }, (_, i) => (first + i * width) * 60000);
  const series = [...h.series.map(() => new Array<number>(bars).fill(0)), new Array<number>(bars).fill(0)];
  const total = new Array<number>(bars).fill(0);
  h.minutes.forEach((m, i) => {
    const b = Math.floor((m / 60000 - first) / width);
    total[b] += h.total[i];
    let rest = h.total[i];
    h.series.forEach((s, k) => {
      series[k][b] += s.counts[i];
      rest -= s.counts[i];
    });
    series[series.length - 1][b] += rest;
  });
  return { starts, minutes: width, series, total };
}

/** Counts as people read them: 182,353. */
export const count = (n: number) => n.toLocaleString('en-US');

/** Codes named with their vendor's display name: `503 (HTTP)`. */
function seriesName(summary: LogSummary, s: { vendor: string; code: string }): string {
  return `${s.code} (${summary.vendors.find((v) => v.id === s.vendor)?.displayName ?? s.vendor})`;
}

/** The sentence on the codes the chart cannot place in time, or ''. */
export function untimedText(summary: LogSummary): string {
  const untimed = summary.histogram.untimed ?? [];
  const total = untimed.reduce((a, u) => a + u.count, 0);
  if (!total) return '';
  const shown = untimed.slice(0, 12).map((u) => `${seriesName(summary, u)} ${count(u.count)}`);
  const more = untimed.length > shown.length ? ` and ${untimed.length - shown.length} more codes` : '';
  return `${count(total)} ${total === 1 ? 'code' : 'codes'} without a timestamp (not in the chart): ${shown.join(' · ')}${more}.`;
}

const time = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace(/:00\.000Z$/, ' UTC');

/** The chart as an SVG element (a string), or a sentence when the lines carry no timestamps. */
export function histogramSvg(summary: LogSummary): string {
  const bins = bin(summary);
  const untimed = untimedText(summary);
  const remainder = untimed ? `<p class="untimed">${escapeXml(untimed)}</p>` : '';
  if (!bins) return '<p>No line of this log carries a timestamp this summary can read (ISO-8601, common log format, syslog), so there is no histogram.</p>' + remainder;
  const W = 960;
  const H = 320;
  const left = 60;
  const bottom = 40;
  const top = 12;
  const plotW = W - left - 12;
  const plotH = H - top - bottom;
  const max = Math.max(1, ...bins.total);
  const barW = plotW / bins.starts.length;
  const timedCodes = summary.vendors.reduce((n, v) => n + v.codes.length, 0) - (summary.histogram.untimed ?? []).filter((u) => summary.vendors.some((v) => v.id === u.vendor && v.codes.some((c) => c.code === u.code && c.count === u.count))).length;
  const others = Math.max(0, timedCodes - summary.histogram.series.length);
  const names = [...summary.histogram.series.map((s) => seriesName(summary, s)), `other (${count(others)} ${others === 1 ? 'code' : 'codes'})`];
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="Codes over time">`);
  // Axes and the scale.
  parts.push(`<line x1="${left}" y1="${top + plotH}" x2="${W - 12}" y2="${top + plotH}" stroke="currentColor" stroke-opacity="0.5"/>`);
  parts.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="currentColor" stroke-opacity="0.5"/>`);
  for (const f of [0, 0.5, 1]) {
    const y = top + plotH - f * plotH;
    parts.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="11" fill="currentColor">${count(Math.round(f * max))}</text>`);
  }
  const last = bins.starts[bins.starts.length - 1] + bins.minutes * 60000;
  parts.push(`<text x="${left}" y="${H - 18}" font-size="11" fill="currentColor">${escapeXml(time(bins.starts[0]))}</text>`);
  parts.push(`<text x="${W - 12}" y="${H - 18}" text-anchor="end" font-size="11" fill="currentColor">${escapeXml(time(last))}</text>`);
  parts.push(`<text x="${left + plotW / 2}" y="${H - 4}" text-anchor="middle" font-size="11" fill="currentColor">codes per ${bins.minutes === 1 ? 'minute' : `${bins.minutes} minutes`}</text>`);
  // Bars: one stacked column per bin, a <title> with its counts.
  bins.starts.forEach((start, b) => {
    if (!bins.total[b]) return;
    const x = left + b * barW;
    let y = top + plotH;
    const lines = [`${time(start)} · ${count(bins.total[b])} codes`];
    parts.push('<g>');
    bins.series.forEach((s, k) => {
      if (!s[b]) return;
      const h = (s[b] / max) * plotH;
      y -= h;
      lines.push(`${names[k]}: ${count(s[b])}`);
      parts.push(`<rect x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${Math.max(1, barW - 1).toFixed(2)}" height="${h.toFixed(2)}" fill="${k < COLORS.length && k < bins.series.length - 1 ? COLORS[k] : OTHER}"/>`);
    });
    parts.push(`<title>${escapeXml(lines.join('\n'))}</title></g>`);
  });
  parts.push('</svg>');
  // Legend: only series with bars.
  const legend = names
    .map((n, k) => (bins.series[k].some((x) => x > 0) ? `<span class="key"><span class="swatch ${k < names.length - 1 ? `c${k}` : 'other'}"></span>${escapeXml(n)}</span>` : ''))
    .filter(Boolean)
    .join(' ');
  return parts.join('') + `<div class="legend">${legend}</div>` + remainder;
}

/** The webview page: the chart and a few totals. No script; the one style element carries the CSP's nonce. */
export function chartHtml(summary: LogSummary, nonce: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'`;
  const swatches = COLORS.map((c, k) => `.c${k}{background:${c}}`).join('') + `.other{background:${OTHER}}`;
  const title = `${summary.file.split(/[\\/]/).pop() ?? summary.file}`;
  const vendorLine = summary.vendors.map((v) => `${escapeXml(v.displayName)}: ${count(v.count)}`).join(' · ');
  const warning = summary.changed ?? summary.incomplete;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(title)}</title>
<style nonce="${nonce}">${swatches}body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:8px 16px}.legend{margin-top:8px;font-size:12px}.key{margin-right:12px;white-space:nowrap}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}</style>
</head><body><h2>${escapeXml(title)}</h2><p>${count(summary.occurrences)} codes in ${count(summary.lines)} lines · ${vendorLine}${warning ? ` · <strong>${escapeXml(warning)}</strong>` : ''}</p>
${histogramSvg(summary)}</body></html>`;
}
