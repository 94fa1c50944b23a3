package dev.stackplan.local;

import java.util.Map;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %service} in the local platform's log pattern: which of the four services wrote
 * a line, although they share one JVM and one logging system. The project's own loggers
 * say it by their package; every other line (Spring, Kafka, Netty, Flyway) by the thread
 * that wrote it, whose thread group is the service's: each service starts, runs and stops
 * on threads of its own group ({@link PlatformServices}), and the threads it makes are in
 * that group too. What no service wrote (the launcher, the broker's supervision) is
 * {@code platform}.
 */
public final class ServiceConverter extends ClassicConverter {

	/** The prefix of a service's thread group; the rest is the service's name. */
	static final String GROUP_PREFIX = "stackplan-service-";

	private static final Map<String, String> PACKAGES = Map.of("dev.stackplan.gateway.", "gateway",
			"dev.stackplan.intake.", "intake", "dev.stackplan.scoring.", "scoring", "dev.stackplan.costing.",
			"costing");

	@Override
	public String convert(ILoggingEvent event) {
		return of(event.getLoggerName(), Thread.currentThread());
	}

	/** The service of a line written by {@code logger} on {@code thread}. */
	static String of(String logger, Thread thread) {
		if (logger != null) {
			for (Map.Entry<String, String> entry : PACKAGES.entrySet()) {
				if (logger.startsWith(entry.getKey())) {
					return entry.getValue();
				}
			}
		}
		for (ThreadGroup group = thread.getThreadGroup(); group != null; group = group.getParent()) {
			if (group.getName().startsWith(GROUP_PREFIX)) {
				return group.getName().substring(GROUP_PREFIX.length());
			}
		}
		return "platform";
	}

}
