package dev.stackplan.intake.plan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.stackplan.kit.Dependency;
import dev.stackplan.kit.DependencyWatch;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys in Postgres; the primary key decides which of several concurrent
 * requests wins.
 */
@Repository
class IdempotencyKeys {

	private final DatabaseClient db;

	private final DependencyWatch dependencies;

	IdempotencyKeys(DatabaseClient db, DependencyWatch dependencies) {
		this.db = db;
		this.dependencies = dependencies;
	}

	/** Every call is on a request's path: bounded, never a wait for a frozen database. */
	private <T> Mono<T> bounded(Mono<T> call) {
		return this.dependencies.bounded(Dependency.DATABASE, call);
	}

	/** Claims the key for a new plan; false when someone already holds it. */
	Mono<Boolean> claim(String clientId, String key, String requestSha256, UUID planId) {
		return bounded(this.db.sql("""
				insert into idempotency_keys (client_id, idempotency_key, request_sha256, plan_id, state)
				values (:client, :key, :hash, :plan, 'IN_FLIGHT')
				on conflict (client_id, idempotency_key) do nothing
				""")
			.bind("client", clientId)
			.bind("key", key)
			.bind("hash", requestSha256)
			.bind("plan", planId)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1));
	}

	Mono<IdempotencyRecord> find(String clientId, String key) {
		return bounded(this.db
			.sql("select request_sha256, plan_id, state, updated_at from idempotency_keys "
					+ "where client_id = :client and idempotency_key = :key")
			.bind("client", clientId)
			.bind("key", key)
			.map(IdempotencyKeys::toRecord)
			.one());
	}

	/** Takes over an abandoned in-flight key; only one of several retries wins. */
	Mono<Boolean> takeOver(String clientId, String key, Instant seenUpdatedAt) {
		return bounded(this.db.sql("""
				update idempotency_keys set updated_at = now()
				where client_id = :client and idempotency_key = :key and state = 'IN_FLIGHT' and updated_at = :seen
				""")
			.bind("client", clientId)
			.bind("key", key)
			.bind("seen", seenUpdatedAt)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1));
	}

	Mono<Void> markAccepted(String clientId, String key) {
		return bounded(this.db.sql("""
				update idempotency_keys set state = 'ACCEPTED', updated_at = now()
				where client_id = :client and idempotency_key = :key
				""").bind("client", clientId).bind("key", key).then());
	}

	/**
	 * The broker never took the request: the key is free again, as if it had never been
	 * used.
	 */
	Mono<Void> release(String clientId, String key) {
		return bounded(this.db
			.sql("""
					delete from idempotency_keys where client_id = :client and idempotency_key = :key and state = 'IN_FLIGHT'
					""")
			.bind("client", clientId)
			.bind("key", key)
			.then());
	}

	Mono<Long> forgetOlderThan(Instant cutoff) {
		return this.db.sql("delete from idempotency_keys where created_at < :cutoff")
			.bind("cutoff", cutoff)
			.fetch()
			.rowsUpdated();
	}

	private static IdempotencyRecord toRecord(Readable row) {
		return new IdempotencyRecord(row.get("request_sha256", String.class), row.get("plan_id", UUID.class),
				row.get("state", String.class), row.get("updated_at", OffsetDateTime.class).toInstant());
	}

}
