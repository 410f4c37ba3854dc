import type { ReactNode } from 'react';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { MOOD_ART } from '../mood/moods';
import { moodsSeen, type MinuteRow, type RetentionRow } from './analyticsView';

// Series colours: the theme's accent and its companions (SVG attributes take no CSS variables in every browser).
const COLORS = {
  peak: '#7c5cff',
  average: '#2fd08a',
  watchers: '#22d3ee',
  messages: '#4f7cff',
  density: '#ffb547',
  gifts: '#ff3d8b',
  tokens: '#7c5cff',
  earnings: '#2fd08a',
  retention: '#7c5cff',
} as const;

// `responsive`: the chart follows its card's width (ResizeObserver); the height is fixed so that a phone shows it whole.
const CHART = { responsive: true, style: { width: '100%', height: 240 }, margin: { top: 8, right: 8, bottom: 0, left: -12 } } as const;
const TOOLTIP = {
  contentStyle: { background: '#1c2130', border: '1px solid #343c52', borderRadius: 10, color: '#e8ebf3' },
  labelStyle: { color: '#a9b0c2' },
} as const;
// Redrawn every 5 s while live: no animation, so that a refresh does not replay the curve growing from zero.
const STILL = { isAnimationActive: false } as const;
const LINE = { ...STILL, type: 'monotone', strokeWidth: 2 } as const;
// A stream's first minutes would otherwise be bars as wide as the chart.
const BAR = { ...STILL, radius: [3, 3, 0, 0] as [number, number, number, number], maxBarSize: 40 } as const;

function axes() {
  return [
    <CartesianGrid key="grid" stroke="#262c3b" vertical={false} />,
    <XAxis key="x" dataKey="label" minTickGap={24} tickMargin={6} />,
    <YAxis key="y" allowDecimals={false} width={48} />,
    <Tooltip key="tip" {...TOOLTIP} />,
    <Legend key="legend" wrapperStyle={{ fontSize: 13 }} />,
  ];
}

function ChartCard({ id, title, lead, children }: { id: string; title: string; lead: string; children: ReactNode }) {
  return (
    <section className="card analytics-chart" data-testid="analytics-chart" data-chart={id} aria-label={title}>
      <h2 className="card__title">{title}</h2>
      <p className="muted analytics-chart__lead">{lead}</p>
      {children}
    </section>
  );
}

/** The per-minute charts and the retention curve, drawn by Recharts (SVG). */
export function AnalyticsCharts({ rows, retention }: { rows: readonly MinuteRow[]; retention: readonly RetentionRow[] }) {
  const moods = moodsSeen(rows);
  // A line needs two minutes: until then (the first minute of a stream) each minute is a dot.
  const dot = rows.length <= 2 ? { r: 3 } : false;
  return (
    <div className="analytics-charts">
      <ChartCard id="viewers" title="Concurrent viewers" lead="Per minute: the most watching at once, and the average.">
        <LineChart data={rows} {...CHART}>
          {axes()}
          <Line {...LINE} dot={dot} dataKey="peakViewers" name="Peak" stroke={COLORS.peak} />
          <Line {...LINE} dot={dot} dataKey="averageViewers" name="Average" stroke={COLORS.average} />
          <Line {...LINE} dot={dot} dataKey="watchers" name="Signed-in watching" stroke={COLORS.watchers} strokeWidth={1.5} strokeDasharray="4 3" />
        </LineChart>
      </ChartCard>

      <ChartCard id="chat" title="Chat density" lead="Messages per minute, and per 100 viewers.">
        <ComposedChart data={rows} {...CHART}>
          {axes()}
          <YAxis yAxisId="density" orientation="right" width={40} />
          <Bar {...BAR} dataKey="chatMessages" name="Messages" fill={COLORS.messages} />
          <Line {...LINE} dot={dot} yAxisId="density" dataKey="chatDensity" name="Per 100 viewers" stroke={COLORS.density} />
        </ComposedChart>
      </ChartCard>

      <ChartCard id="reactions" title="Reaction velocity" lead="Reactions per minute, by mood.">
        <BarChart data={rows} {...CHART}>
          {axes()}
          {moods.map((mood) => (
            <Bar
              {...STILL}
              key={mood}
              dataKey={mood}
              name={`${MOOD_ART[mood].emoji} ${MOOD_ART[mood].label}`}
              stackId="moods"
              maxBarSize={40}
              fill={MOOD_ART[mood].color}
            />
          ))}
        </BarChart>
      </ChartCard>

      <ChartCard id="gifts" title="Gifts and earnings" lead="Per minute: tokens spent on gifts, your earnings, and gifts sent.">
        <ComposedChart data={rows} {...CHART}>
          {axes()}
          <YAxis yAxisId="gifts" orientation="right" allowDecimals={false} width={40} />
          <Bar {...BAR} dataKey="tokens" name="Tokens" fill={COLORS.tokens} />
          <Bar {...BAR} dataKey="earnings" name="Earnings" fill={COLORS.earnings} />
          <Line {...LINE} dot={dot} yAxisId="gifts" dataKey="gifts" name="Gifts" stroke={COLORS.gifts} />
        </ComposedChart>
      </ChartCard>

      <ChartCard id="retention" title="Retention" lead="The share of signed-in viewers who watched at least so many minutes.">
        {retention.length > 0 ? (
          <AreaChart data={retention} {...CHART}>
            <CartesianGrid stroke="#262c3b" vertical={false} />
            <XAxis dataKey="label" minTickGap={24} tickMargin={6} />
            <YAxis domain={[0, 100]} width={56} unit="%" />
            <Tooltip {...TOOLTIP} />
            <Area
              {...STILL}
              type="stepAfter"
              dataKey="percent"
              name="Still watching"
              unit="%"
              dot={retention.length <= 2 ? { r: 3 } : false}
              stroke={COLORS.retention}
              fill={COLORS.retention}
              fillOpacity={0.25}
            />
          </AreaChart>
        ) : (
          <p className="muted analytics-chart__none" data-testid="analytics-retention-none">
            No signed-in viewer has watched long enough to draw it yet.
          </p>
        )}
      </ChartCard>
    </div>
  );
}
