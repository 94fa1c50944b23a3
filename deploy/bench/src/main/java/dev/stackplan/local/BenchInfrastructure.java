package dev.stackplan.local;

/**
 * The name {@code deploy/bench/platform.sh} has always started; the pieces are
 * {@link InfrastructureProcess}'s.
 */
public final class BenchInfrastructure {

	private BenchInfrastructure() {
	}

	public static void main(String[] args) throws Exception {
		InfrastructureProcess.main(args);
	}

}
