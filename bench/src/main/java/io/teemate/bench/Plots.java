package io.teemate.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** PNG plots of the harnesses' results, drawn by JFreeChart (headless). */
public final class Plots {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {}

    /** One line of a line chart: (x, y) points in order. */
    public record Series(String name, double[] x, double[] y) {}

    /** A line chart of {@code series}; {@code logY} draws the y axis logarithmic (for ratios across decades). */
    public static Path lines(String title, String xLabel, String yLabel, List<Series> series, boolean logY, Path png) {
        return lines(title, xLabel, yLabel, series, false, logY, png);
    }

    /**
     * A line chart of {@code series} with either axis logarithmic: {@code logX} for x values across decades (dataset
     * sizes), {@code logY} for y values across decades. Points that a log axis cannot show (0 or less, NaN) are left out.
     */
    public static Path lines(
            String title, String xLabel, String yLabel, List<Series> series, boolean logX, boolean logY, Path png) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name());
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.y()[i]) || (logY && s.y()[i] <= 0) || (logX && s.x()[i] <= 0)) {
                    continue;
                }
                xy.add(s.x()[i], s.y()[i]);
            }
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        if (logX) {
            LogarithmicAxis axis = new LogarithmicAxis(xLabel);
            axis.setAllowNegativesFlag(false);
            chart.getXYPlot().setDomainAxis(axis);
            // a few sizes across decades: mark each point so that a line of three is readable
            ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer)
                            chart.getXYPlot().getRenderer())
                    .setDefaultShapesVisible(true);
        }
        if (logY) {
            LogarithmicAxis axis = new LogarithmicAxis(yLabel);
            axis.setAllowNegativesFlag(false);
            chart.getXYPlot().setRangeAxis(axis);
        }
        return save(chart, png);
    }

    /**
     * Stacked bars: one bar per category (in order), one stacked segment per row key (in order), e.g. latency by
     * phase for each (workload, mode).
     */
    public static Path stackedBars(
            String title,
            String categoryLabel,
            String valueLabel,
            Map<String, Map<String, Double>> segmentsByCategory,
            List<String> segmentOrder,
            Path png) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (var category : segmentsByCategory.entrySet()) {
            for (String segment : segmentOrder) {
                data.addValue(category.getValue().getOrDefault(segment, 0.0), segment, category.getKey());
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(
                title, categoryLabel, valueLabel, data, PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot()
                .getDomainAxis()
                .setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(2f);
        return save(chart, png);
    }

    private static Path save(JFreeChart chart, Path png) {
        chart.getPlot().setBackgroundPaint(java.awt.Color.WHITE);
        if (chart.getPlot() instanceof org.jfree.chart.plot.XYPlot xy) {
            xy.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        } else if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot cat) {
            cat.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        }
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + png, e);
        }
    }
}
