package dev.stackplan.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds.
 *
 * @param count values recorded
 * @param p50 median
 * @param p90 90th percentile
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max the largest value
 * @param mean the mean
 */
record Percentiles(long count, double p50, double p90, double p95, double p99, double p999, double max, double mean) {

	private static final double MICROS_PER_MILLI = 1000.0;

	/** From a histogram of microseconds. */
	static Percentiles ofMicros(Histogram histogram) {
		if (histogram.getTotalCount() == 0) {
			return new Percentiles(0, 0, 0, 0, 0, 0, 0, 0);
		}
		return new Percentiles(histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)),
				ms(histogram.getValueAtPercentile(90)), ms(histogram.getValueAtPercentile(95)),
				ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
				ms(histogram.getMaxValue()), round(histogram.getMean() / MICROS_PER_MILLI));
	}

	private static double ms(long micros) {
		return round(micros / MICROS_PER_MILLI);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
