package twostage.gmm;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Headless JFreeChart PNGs of our values beside the paper's digitised ones. */
final class Charts {

    private Charts() {
    }

    /** One plotted series: lines and/or markers. */
    record Series(String name, double[] x, double[] y, boolean lines, boolean shapes) { }

    static byte[] png(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series) {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        for (int s = 0; s < series.size(); s++) {
            Series ser = series.get(s);
            XYSeries xy = new XYSeries(ser.name(), false, true);
            for (int i = 0; i < ser.x().length; i++) {
                if (Double.isFinite(ser.y()[i]) && (!logY || ser.y()[i] > 0)) {
                    xy.add(ser.x()[i], ser.y()[i]);
                }
            }
            data.addSeries(xy);
            r.setSeriesLinesVisible(s, ser.lines());
            r.setSeriesShapesVisible(s, ser.shapes());
        }
        NumberAxis xa = logX ? null : new NumberAxis(xLabel);
        XYPlot plot = new XYPlot(data, logX ? new LogAxis(xLabel) : xa, logY ? new LogAxis(yLabel) : new NumberAxis(yLabel), r);
        if (!logX) {
            xa.setAutoRangeIncludesZero(false);
        }
        if (!logY) {
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, 720, 480);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
