// Chart.js for the analytics page, with only the parts its charts draw (lines, bars, a doughnut; category and linear
// axes, legend and tooltips), so the bundle carries no more of it than that. It lives in the analytics page's chunk:
// no other page loads it. Chart.js draws on a canvas and sizes it through the CSS object model, which the page's
// Content-Security-Policy (style-src 'self') allows.
import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Filler, Legend, LinearScale,
  LineController, LineElement, PointElement, Tooltip,
} from 'chart.js'

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Filler, Legend, LinearScale,
  LineController, LineElement, PointElement, Tooltip)
Chart.defaults.font.family = 'ui-sans-serif, system-ui, sans-serif'
Chart.defaults.color = '#475569'
Chart.defaults.borderColor = '#e2e8f0'

export { Chart }

/** The page's colours (Tailwind's hues, as a canvas takes them). */
export const COLOURS = {
  requests: '#6366f1', requestsFill: 'rgba(99, 102, 241, 0.15)', errors: '#dc2626', serverErrors: '#7f1d1d',
  p50: '#a5b4fc', p95: '#6366f1', p99: '#312e81', ok: '#818cf8',
}
