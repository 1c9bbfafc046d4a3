import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * Tips per hour as bars, drawn by uPlot on a canvas. Loaded only with the dashboard (React.lazy). The
 * chart is a picture of the table beside it, so it is hidden from assistive technology.
 */
export function TipsPerHourChart({
  hours,
  counts,
  label,
}: {
  hours: number[];
  counts: number[];
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const width = Math.max(280, element.clientWidth);
    const chart = new uPlot(
      {
        width,
        height: 260,
        legend: { show: false },
        scales: { x: { time: true } },
        axes: [{}, { label, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] }],
        series: [
          {},
          {
            label,
            stroke: '#14284b',
            fill: 'rgba(20, 40, 75, 0.25)',
            paths: uPlot.paths.bars?.({ size: [0.8, 40] }),
            points: { show: false },
          },
        ],
      },
      [hours, counts],
      element,
    );
    return () => chart.destroy();
  }, [hours, counts, label]);
  return <div ref={ref} className="dashboard-chart" aria-hidden="true" />;
}
