package twostage.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A log-log PNG plot of a distance to a limit (e.g. the KS distance) against the sample size n, one line per series,
 * rendered headless with JFreeChart.
 */
public final class ConvergencePlot {

    private final String title;
    private final String yLabel;
    private final Map<String, XYSeries> series = new LinkedHashMap<>();

    public ConvergencePlot(String title, String yLabel) {
        this.title = title;
        this.yLabel = yLabel;
    }

    /** Adds the point (n, y) to the named series. */
    public ConvergencePlot add(String name, double n, double y) {
        series.computeIfAbsent(name, XYSeries::new).add(n, Math.max(y, 1e-12));
        return this;
    }

    public byte[] png(int width, int height) {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        LogAxis x = new LogAxis("n");
        LogAxis y = new LogAxis(yLabel);
        y.setSmallestValue(1e-6);
        XYPlot plot = new XYPlot(data, x, y, new XYLineAndShapeRenderer(true, true));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
