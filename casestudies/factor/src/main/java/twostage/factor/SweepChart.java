package twostage.factor;

import java.awt.BasicStroke;
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

/** Curves of several risk quantities against one instance parameter (D or sigma_min), both axes logarithmic. */
final class SweepChart {

    private final String title;
    private final String parameter;
    private final Map<String, XYSeries> curves = new LinkedHashMap<>();

    SweepChart(String title, String parameter) {
        this.title = title;
        this.parameter = parameter;
    }

    SweepChart point(String curve, double x, double y) {
        curves.computeIfAbsent(curve, XYSeries::new).add(x, y);
        return this;
    }

    byte[] render() {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection all = new XYSeriesCollection();
        curves.values().forEach(all::addSeries);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < curves.size(); i++) {
            lines.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(all, new LogAxis(parameter), new LogAxis("value (log scale)"), lines);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, 900, 560);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
