package dev.stackplan.kit;

import org.springframework.context.SmartLifecycle;

/**
 * Work a service does once at start, just before its web server opens, so the first
 * requests do not pay for it.
 */
public abstract class BeforeWebServer implements SmartLifecycle {

	/**
	 * Where Spring Boot starts the web server and, stopping, closes it (its graceful
	 * drain is at a later phase and so ends earlier).
	 */
	public static final int WEB_SERVER_PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	private volatile boolean running;

	/** Runs once; the web server opens when it returns. */
	protected abstract void beforeWebServer();

	@Override
	public final void start() {
		beforeWebServer();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return WEB_SERVER_PHASE - 1;
	}

}
