package dev.stackplan.testsupport;

import java.util.List;
import java.util.function.IntFunction;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Blocking clients that call at once, each on a thread of its own. Not on
 * {@code boundedElastic}: it has ten threads a core, twenty here, and the services under
 * test run their own blocking work there (intake's publisher waits for the broker's
 * acknowledgement on it), so twenty blocked clients would hold it up past its bound and
 * the test would measure its own threads.
 */
public final class ParallelClients {

	private ParallelClients() {
	}

	/**
	 * Runs {@code count} calls at once and answers their results, in no set order.
	 * @param <T> what a call answers
	 * @param count how many calls, each on its own thread
	 * @param call the call, given its number from 0
	 * @return every call's result
	 */
	public static <T> List<T> callAtOnce(int count, IntFunction<T> call) {
		Scheduler clients = Schedulers.newBoundedElastic(count, count, "parallel-clients");
		try {
			return Flux.range(0, count)
				.parallel(count)
				.runOn(clients)
				.map(call::apply)
				.sequential()
				.collectList()
				.block();
		}
		finally {
			clients.dispose();
		}
	}

}
