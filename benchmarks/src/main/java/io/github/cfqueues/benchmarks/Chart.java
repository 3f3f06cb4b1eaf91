package io.github.cfqueues.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the {@link ConcurrencySweep} as one PNG: throughput, median latency and messages per request, each against
 * the messages outstanding, one line per way to publish.
 */
final class Chart {

	private static final Color[] COLORS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0xff7f0e),
			new Color(0x2ca02c) };

	private static final Shape[] SHAPES = { new Rectangle2D.Double(-4, -4, 8, 8), new Ellipse2D.Double(-4, -4, 8, 8),
			new Polygon(new int[] { 0, 5, -5 }, new int[] { -5, 4, 4 }, 3),
			new Polygon(new int[] { 0, 5, 0, -5 }, new int[] { -5, 0, 5, 0 }, 4) };

	private Chart() {
	}

	/**
	 * Writes the chart.
	 * @param points the sweep
	 * @param subtitle what the run was (machine, date)
	 * @param file where to write the PNG
	 * @throws IOException if it cannot be written
	 */
	static void write(List<SweepPoint> points, String subtitle, Path file) throws IOException {
		LogAxis outstanding = logAxis("messages outstanding (concurrency × messages per call)");
		CombinedDomainXYPlot plot = new CombinedDomainXYPlot(outstanding);
		plot.setGap(12);
		plot.add(plot(points, SweepPoint::messagesPerSecond, logAxis("messages / s"), true), 3);
		plot.add(plot(points, SweepPoint::p50Millis, logAxis("p50 latency, ms"), false), 3);
		NumberAxis perRequest = new NumberAxis("messages / request");
		perRequest.setRange(0, 105);
		plot.add(plot(points, SweepPoint::messagesPerRequest, perRequest, false), 2);
		JFreeChart chart = new JFreeChart("Publishing to a loopback sink: throughput and latency against load",
				new Font("SansSerif", Font.BOLD, 16), plot, true);
		chart.addSubtitle(new TextTitle(subtitle, new Font("SansSerif", Font.PLAIN, 11)));
		chart.setBackgroundPaint(Color.WHITE);
		ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 1150);
	}

	/**
	 * A base-10 logarithmic axis with a tick at each power of ten, labelled in plain numbers.
	 */
	private static LogAxis logAxis(String label) {
		LogAxis axis = new LogAxis(label);
		axis.setBase(10);
		axis.setSmallestValue(0.01);
		axis.setTickUnit(new NumberTickUnit(1));
		axis.setMinorTickMarksVisible(true);
		axis.setMinorTickCount(9);
		axis.setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
		return axis;
	}

	private static XYPlot plot(List<SweepPoint> points, ToDoubleFunction<SweepPoint> value, ValueAxis axis,
			boolean inLegend) {
		Map<String, XYSeries> series = new LinkedHashMap<>();
		for (SweepPoint point : points) {
			double y = value.applyAsDouble(point);
			if (y > 0) {
				series.computeIfAbsent(point.series(), XYSeries::new).add(point.outstanding(), y);
			}
		}
		XYSeriesCollection data = new XYSeriesCollection();
		series.values().forEach(data::addSeries);
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
		renderer.setDefaultSeriesVisibleInLegend(inLegend);
		for (int i = 0; i < data.getSeriesCount(); i++) {
			renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
			renderer.setSeriesShape(i, SHAPES[i % SHAPES.length]);
			renderer.setSeriesStroke(i, new BasicStroke(2f));
		}
		XYPlot plot = new XYPlot(data, null, axis, renderer);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		return plot;
	}

}
