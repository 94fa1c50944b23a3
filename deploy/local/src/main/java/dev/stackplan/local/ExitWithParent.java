package dev.stackplan.local;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class in a child process that ends, cleanly, when the process that
 * started it ends, however that one ended: a run command killed with -9 leaves no broker
 * or database behind holding its ports and files. The child's own shutdown hooks run
 * (Kafka's controlled shutdown, the database's stop).
 *
 * <p>
 * Usage: {@code ExitWithParent <parentPid> <mainClass> <args...>}
 */
public final class ExitWithParent {

	private ExitWithParent() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			throw new IllegalArgumentException("usage: ExitWithParent <parentPid> <mainClass> <args...>");
		}
		long parent = Long.parseLong(args[0]);
		ProcessHandle.of(parent)
			.ifPresentOrElse((handle) -> handle.onExit().thenRun(() -> exit(parent)), () -> exit(parent));
		Method main = Class.forName(args[1]).getMethod("main", String[].class);
		main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
	}

	private static void exit(long parent) {
		System.err.println("[stackplan] process " + parent + " that started this one has ended; stopping");
		System.exit(0);
	}

}
