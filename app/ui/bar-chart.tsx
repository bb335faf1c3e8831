import { useId } from "react";

export type Bar = { label: string; value: number; valueText: string; isDemoFigure?: boolean };

export interface BarChartProps {
  /** The chart's accessible name, read out in place of the drawing. */
  title: string;
  /** One sentence a screen reader hears after the name; the table beside the chart holds the figures. */
  description: string;
  bars: readonly Bar[];
}

const WIDTH = 640;
const LABEL_WIDTH = 250;
const VALUE_WIDTH = 170;
const BAR_HEIGHT = 28;
const GAP = 12;

/**
 * Horizontal bars drawn on the server as SVG: no script, prints as it looks, scales with the page.
 * Labels sit on the left and amounts at the end of each bar, so it reads without a legend or axis.
 * Colours are GOV.UK's blue on white and black text, which pass contrast.
 */
export function BarChart({ title, description, bars }: BarChartProps) {
  const id = useId();
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  return (
    <svg
      className="app-bar-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, index) => {
        const y = GAP + index * (BAR_HEIGHT + GAP);
        // Whole pixels are plenty for a bar; the exact amount is in the text and the table.
        const width = bar.value > 0 ? Math.max(2, Math.round((bar.value / largest) * plotWidth)) : 0;
        return (
          <g key={bar.label}>
            <text
              x={LABEL_WIDTH - 8}
              y={y + BAR_HEIGHT / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize="15"
              fill="#0b0c0c"
            >
              {bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} fill="#1d70b8" />
            <text
              x={LABEL_WIDTH + width + 6}
              y={y + BAR_HEIGHT / 2}
              dominantBaseline="middle"
              fontSize="15"
              fill="#0b0c0c"
            >
              {bar.valueText}
              {bar.isDemoFigure ? " (demo figure)" : ""}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
