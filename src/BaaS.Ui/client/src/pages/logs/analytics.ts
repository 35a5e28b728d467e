// The analytics page's charts as Chart.js configurations, drawn from one answer of AdminGetRequestAnalytics. Every
// number plotted is one the API answered; nothing is summed or derived from log rows here.
import type { ChartConfiguration } from 'chart.js'
import { COLOURS } from './charts'
import { parseDate, statusColour, type AnalyticsBucket, type RequestAnalytics, type RequestStats, type StatsRow } from './logs'

/** A bucket's start as an axis label (UTC): `14:05` for minutes, `12-07 14:00` for hours, `2026-12-07` for days. */
export function bucketLabel(start: string, bucket: AnalyticsBucket): string {
  const iso = parseDate(start)?.toISOString() ?? start
  if (bucket === 'Day') return iso.slice(0, 10)
  if (bucket === 'Hour') return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`
  return iso.slice(11, 16)
}

const common = { responsive: true, maintainAspectRatio: false, animation: { duration: 250 } } as const

/** Requests and errors per bucket. */
export function trafficChart(answer: RequestAnalytics): ChartConfiguration {
  const labels = answer.series.map(p => bucketLabel(p.start, answer.bucket))
  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: 'Requests', data: answer.series.map(p => p.requests), borderColor: COLOURS.requests, backgroundColor: COLOURS.requestsFill, fill: true, pointRadius: 0, borderWidth: 2 },
        { label: 'Errors', data: answer.series.map(p => p.errors), borderColor: COLOURS.errors, backgroundColor: COLOURS.errors, pointRadius: 0, borderWidth: 2 },
      ],
    },
    options: {
      ...common,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxTicksLimit: 12, autoSkip: true } } },
    },
  }
}

/** p50, p95 and p99 per bucket; buckets without calls are gaps, not zeros. */
export function durationChart(answer: RequestAnalytics): ChartConfiguration {
  const labels = answer.series.map(p => bucketLabel(p.start, answer.bucket))
  const line = (label: string, colour: string, value: (s: RequestStats) => number) => ({
    label, data: answer.series.map(p => p.requests > 0 ? value(p) : null), borderColor: colour, backgroundColor: colour,
    pointRadius: answer.series.length > 60 ? 0 : 2, borderWidth: 2, spanGaps: false,
  })
  return {
    type: 'line',
    data: { labels, datasets: [line('p50', COLOURS.p50, s => s.p50Ms), line('p95', COLOURS.p95, s => s.p95Ms), line('p99', COLOURS.p99, s => s.p99Ms)] },
    options: {
      ...common,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'ms' } }, x: { ticks: { maxTicksLimit: 12, autoSkip: true } } },
    },
  }
}

export interface BarSeries { label: string; colour: string; field: keyof RequestStats }

/** Horizontal bars, a group of bars per row (an operation, a user, a key). */
export function barChart(rows: StatsRow[], series: BarSeries[], unit?: string): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: rows.map(r => r.name.length > 28 ? r.name.slice(0, 27) + '…' : r.name),
      datasets: series.map(s => ({ label: s.label, data: rows.map(r => r.stats[s.field]), backgroundColor: s.colour, borderRadius: 2 })),
    },
    options: {
      ...common,
      indexAxis: 'y',
      scales: {
        x: { beginAtZero: true, ...(unit ? { title: { display: true, text: unit } } : { ticks: { precision: 0 } }) },
        y: { ticks: { autoSkip: false } },
      },
    },
  }
}

/** The share of each status, coloured by class. */
export function statusChart(answer: RequestAnalytics): ChartConfiguration {
  return {
    type: 'doughnut',
    data: {
      labels: answer.statuses.map(s => s.key),
      datasets: [{ label: 'Requests', data: answer.statuses.map(s => s.requests), backgroundColor: answer.statuses.map(s => statusColour(Number(s.key))) }],
    },
    options: { ...common, plugins: { legend: { position: 'right' } } },
  }
}
