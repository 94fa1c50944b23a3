package dev.stackplan.gateway.plan;

import java.time.Duration;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Status changes of every plan, as Postgres announces them ({@code LISTEN plan_status}).
 * One connection listens for the whole life of the gateway, so a client that subscribes
 * and then reads the plan cannot miss a change in between.
 */
@Component
class PlanStatusNotifications implements DisposableBean {

	private static final Log logger = LogFactory.getLog(PlanStatusNotifications.class);

	private final Sinks.Many<PlanStatusChange> changes = Sinks.many().multicast().directBestEffort();

	private final Disposable listening;

	PlanStatusNotifications(ConnectionFactory connections) {
		this.listening = Flux.usingWhen(connections.create(), PlanStatusNotifications::listen, Connection::close)
			.doOnError((ex) -> logger.warn("Lost the plan_status listener; reconnecting", ex))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
			.subscribe((change) -> this.changes.tryEmitNext(change));
	}

	private static Flux<PlanStatusChange> listen(Connection connection) {
		PostgresqlConnection postgres = unwrap(connection);
		return postgres.createStatement("LISTEN plan_status")
			.execute()
			.flatMap((result) -> result.getRowsUpdated())
			.thenMany(postgres.getNotifications())
			.mapNotNull((notification) -> notification.getParameter())
			.map(PlanStatusChange::parse);
	}

	@SuppressWarnings("unchecked")
	private static PostgresqlConnection unwrap(Connection connection) {
		Connection current = connection;
		while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
			current = ((Wrapped<Connection>) wrapped).unwrap();
		}
		if (current instanceof PostgresqlConnection postgres) {
			return postgres;
		}
		throw new IllegalStateException("Plan notifications need a Postgres connection, not " + connection);
	}

	/** Hot: only changes after subscription. */
	Flux<PlanStatusChange> changes() {
		return this.changes.asFlux();
	}

	@Override
	public void destroy() {
		this.listening.dispose();
	}

}
