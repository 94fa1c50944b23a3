package dev.stackplan.gateway.client;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * One token bucket per API client in Postgres, shared by every gateway instance: a
 * client's requests through any number of gateways draw on the one budget. The bucket is
 * a single number, the instant at which it would be full again (on the database's clock,
 * so the instances' clocks need not agree); taking a token is one atomic statement, one
 * round trip, on the reactive pool the gateway already has.
 * <p>
 * Why not Bucket4j: its Postgres backend is JDBC only and synchronous (select for update
 * and update in a transaction, several round trips per request), so every API call would
 * need a blocking hop to a thread pool and a second connection pool beside R2DBC's, for
 * the same arithmetic as the statement below.
 */
@Component
class PostgresRateLimiter implements RateLimiter {

	private static final long MICROS_PER_SECOND = 1_000_000L;

	private static final long NANOS_PER_MICRO = 1_000L;

	/**
	 * A bucket that would be full at {@code full_at}: the request may take a token when
	 * the next token, {@code max(full_at, now - capacity) + perToken}, is due by now. A
	 * client's first request finds a full bucket. Answers the clock, the bucket after a
	 * granted request (null when refused) and the bucket as it is.
	 */
	private static final String TAKE = """
			with clock as (select (extract(epoch from statement_timestamp()) * 1000000)::bigint as now_us),
			taken as (
			    insert into rate_limit_buckets as b (client_id, full_at_micros)
			    select :client, now_us - :capacity + :perToken from clock
			    on conflict (client_id) do update
			        set full_at_micros = greatest(b.full_at_micros + :perToken, excluded.full_at_micros)
			        where greatest(b.full_at_micros + :perToken, excluded.full_at_micros)
			            <= excluded.full_at_micros + :capacity - :perToken
			    returning full_at_micros
			)
			select now_us, (select full_at_micros from taken) as taken_full_at,
			    (select full_at_micros from rate_limit_buckets where client_id = :client) as stored_full_at
			from clock
			""";

	private final DatabaseClient db;

	PostgresRateLimiter(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Taken> take(ApiClient client) {
		// the bucket counts in microseconds: a limit above a million a second is one
		// token a
		// microsecond, in effect no limit (benchmarks set a billion)
		long perToken = Math.max(1, MICROS_PER_SECOND / client.requestsPerSecond());
		long capacity = perToken * client.burst();
		return this.db.sql(TAKE)
			.bind("client", client.id())
			.bind("capacity", capacity)
			.bind("perToken", perToken)
			.map((row) -> taken(row.get("now_us", Long.class), row.get("taken_full_at", Long.class),
					row.get("stored_full_at", Long.class), perToken, capacity))
			.one();
	}

	private static Taken taken(Long now, Long takenFullAt, Long storedFullAt, long perToken, long capacity) {
		if (takenFullAt != null) {
			return new Taken(0, (now - takenFullAt) / perToken, nanos(takenFullAt + capacity - now));
		}
		// refused: the bucket is as stored (or, in a race with a client's very first
		// requests, just being created, so at most one token's wait away)
		long start = (storedFullAt != null) ? Math.max(storedFullAt, now - capacity) : now - capacity + perToken;
		long next = start + perToken;
		return new Taken(nanos(Math.max(1, next - now)), 0, nanos(start + capacity - now));
	}

	private static long nanos(long micros) {
		return micros * NANOS_PER_MICRO;
	}

}
