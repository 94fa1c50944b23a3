package dev.stackplan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Bytes on each topic, from the broker's log directory: the sum of the record files
 * ({@code *.log}) of the topic's partition directories. Index files are left out: the
 * active segment's are preallocated (10 MB each) whatever the data.
 */
final class KafkaLogSizes {

	private KafkaLogSizes() {
	}

	/**
	 * One topic.
	 *
	 * @param topic its name
	 * @param partitions partition directories
	 * @param logBytes bytes of its record files
	 * @param perPlan logBytes divided by the plans it carries
	 * @param perPlanOf what perPlan divides by
	 */
	record TopicSize(String topic, int partitions, long logBytes, double perPlan, String perPlanOf) {

	}

	static Map<String, long[]> measure(Path logDir) {
		Map<String, long[]> topics = new TreeMap<>();
		if (!Files.isDirectory(logDir)) {
			return topics;
		}
		try (Stream<Path> partitions = Files.list(logDir)) {
			for (Path partition : partitions.filter(Files::isDirectory).toList()) {
				String name = partition.getFileName().toString();
				int dash = name.lastIndexOf('-');
				if (dash <= 0 || !name.substring(dash + 1).chars().allMatch(Character::isDigit)) {
					continue;
				}
				long[] size = topics.computeIfAbsent(name.substring(0, dash), (key) -> new long[2]);
				size[0]++;
				size[1] += logBytes(partition);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return topics;
	}

	private static long logBytes(Path partition) throws IOException {
		try (Stream<Path> files = Files.list(partition)) {
			List<Path> logs = files.filter((file) -> file.getFileName().toString().endsWith(".log")).toList();
			long bytes = 0;
			for (Path log : logs) {
				bytes += Files.size(log);
			}
			return bytes;
		}
	}

}
