import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts, FONT, PALETTE, type EChartsCoreOption } from './echarts-setup.js';

type Instance = ReturnType<typeof echarts.init>;

/**
 * One ECharts chart (SVG). The chart is a picture with a text label for screen readers; the data is
 * always in the table that follows it (see ChartFigure), so nothing is only in the chart. With
 * `download`, the picture can be saved as SVG or PNG under that file name.
 */
export function Chart({
  option,
  label,
  height = 320,
  download,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  download?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const instance = useRef<Instance | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    instance.current = chart;
    chart.setOption({
      color: PALETTE,
      textStyle: { fontFamily: FONT, color: '#1f2933' },
      animation: false,
      aria: { enabled: false },
      ...option,
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
      instance.current = null;
    };
  }, [option]);
  const save = (type: 'svg' | 'png') => {
    const chart = instance.current;
    if (!chart || !download) return;
    const svg = chart.getDataURL({ type: 'svg', backgroundColor: '#ffffff' });
    if (type === 'svg') return saveUrl(svg, `${download}.svg`);
    // PNG: the SVG drawn on a canvas at twice the size, for print.
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = img.width * 2;
      canvas.height = img.height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      saveUrl(canvas.toDataURL('image/png'), `${download}.png`);
    };
    img.src = svg;
  };
  return (
    <>
      <div ref={ref} className="chart" role="img" aria-label={label} style={{ height }} />
      {download && (
        <p className="chart-downloads">
          <button type="button" className="link small" onClick={() => save('png')}>
            {t('charts.downloadPng')}
          </button>{' '}
          <button type="button" className="link small" onClick={() => save('svg')}>
            {t('charts.downloadSvg')}
          </button>
        </p>
      )}
    </>
  );
}

function saveUrl(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
