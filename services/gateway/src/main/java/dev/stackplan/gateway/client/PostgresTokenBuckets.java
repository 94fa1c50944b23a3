package dev.stackplan.gateway.client;

import java.time.Duration;

import dev.stackplan.gateway.GatewayProperties;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.r2dbc.ConnectionFactoryBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * One token bucket per API client in Postgres, shared by every gateway instance: a
 * client's requests through any number of gateways draw on the one budget. The bucket is
 * a single number, the instant at which it would be full again (on the database's clock,
 * so the instances' clocks need not agree); taking tokens is one atomic statement, one
 * round trip.
 * <p>
 * On a pool of its own, a few connections beside the gateway's main pool: the rate limit
 * admits the work that fills the main pool (a plan row per request, the listeners'
 * batches), so its take must not queue behind that work. A gateway restarted under load
 * otherwise met, on a shared pool, the queued retries' rows and the listeners' backlog
 * ahead of every take, and refused requests with 503s past the store timeout.
 * <p>
 * Why not Bucket4j: its Postgres backend is JDBC only and synchronous (select for update
 * and update in a transaction, several round trips per request), so every API call would
 * need a blocking hop to a thread pool and a JDBC pool beside the R2DBC ones, for the
 * same arithmetic as the statement below.
 */
@Component
class PostgresTokenBuckets implements TokenBuckets, DisposableBean {

	private static final long MICROS_PER_SECOND = 1_000_000L;

	private static final String POOLING_DRIVER = "pool";

	/**
	 * A bucket that would be full at {@code full_at}: it holds
	 * {@code (now - max(full_at, now - capacity)) / perToken} tokens, and a take of n
	 * moves {@code full_at} on by a token's time for each it gets. A client's first take
	 * finds a full bucket; the row remembers how many the last take got, which the update
	 * computes on the row as it is locked, so concurrent takes from several gateways each
	 * see the other's. The inserted row carries {@code now - capacity} back into the
	 * update as {@code excluded.full_at_micros - excluded.granted *
	 * perToken}. Answers the clock, the bucket and the grant after a take that got tokens
	 * (null when none was left) and the bucket as it was.
	 */
	private static final String TAKE = """
			with clock as (select (extract(epoch from statement_timestamp()) * 1000000)::bigint as now_us),
			taken as (
			    insert into rate_limit_buckets as b (client_id, full_at_micros, granted)
			    select :client, now_us - :capacity + least(:wanted, :burst) * :perToken, least(:wanted, :burst)
			    from clock
			    on conflict (client_id) do update
			        set full_at_micros = greatest(b.full_at_micros, excluded.full_at_micros - excluded.granted * :perToken)
			                + :perToken * least(:wanted, (excluded.full_at_micros - excluded.granted * :perToken + :capacity
			                    - greatest(b.full_at_micros, excluded.full_at_micros - excluded.granted * :perToken)) / :perToken),
			            granted = least(:wanted, (excluded.full_at_micros - excluded.granted * :perToken + :capacity
			                - greatest(b.full_at_micros, excluded.full_at_micros - excluded.granted * :perToken)) / :perToken)
			        where greatest(b.full_at_micros, excluded.full_at_micros - excluded.granted * :perToken) + :perToken
			            <= excluded.full_at_micros - excluded.granted * :perToken + :capacity
			    returning full_at_micros, granted
			)
			select now_us, (select full_at_micros from taken) as taken_full_at, (select granted from taken) as granted,
			    (select full_at_micros from rate_limit_buckets where client_id = :client) as stored_full_at
			from clock
			""";

	private final ConnectionPool pool;

	private final DatabaseClient db;

	private final Duration timeout;

	private final int parallelTakes;

	/**
	 * @param database the gateway's main connection factory, whose options (server,
	 * credentials, schema) the own pool copies
	 * @param properties the rate limit's settings
	 */
	PostgresTokenBuckets(ConnectionFactory database, GatewayProperties properties) {
		ApiClients.RateLimit settings = properties.rateLimit();
		this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(unpooled(database))
			.name("rate-limit")
			.initialSize(settings.poolSize())
			.maxSize(settings.poolSize())
			.maxAcquireTime(settings.storeTimeout())
			.maxCreateConnectionTime(settings.storeTimeout())
			.build());
		this.db = DatabaseClient.create(this.pool);
		this.timeout = settings.storeTimeout();
		this.parallelTakes = settings.poolSize();
	}

	/** A factory of plain connections to the database the main pool connects to. */
	private static ConnectionFactory unpooled(ConnectionFactory database) {
		ConnectionFactoryOptions options = ConnectionFactoryBuilder.derivedFrom(database).buildOptions();
		if (POOLING_DRIVER.equals(options.getValue(ConnectionFactoryOptions.DRIVER))) {
			// r2dbc:pool:postgresql://… names the real driver as its protocol
			options = options.mutate()
				.option(ConnectionFactoryOptions.DRIVER,
						(String) options.getRequiredValue(ConnectionFactoryOptions.PROTOCOL))
				.option(ConnectionFactoryOptions.PROTOCOL, "")
				.build();
		}
		return ConnectionFactories.get(options);
	}

	/** One take a connection of the own pool. */
	@Override
	public int parallelTakes() {
		return this.parallelTakes;
	}

	@Override
	public void destroy() {
		this.pool.dispose();
	}

	@Override
	public Mono<Grant> take(ApiClient client, int wanted) {
		// the bucket counts in microseconds: a limit above a million a second is one
		// token a microsecond, in effect no limit (benchmarks set a billion)
		long perToken = Math.max(1, MICROS_PER_SECOND / client.requestsPerSecond());
		long capacity = perToken * client.burst();
		return this.db.sql(TAKE)
			.bind("client", client.id())
			.bind("wanted", (long) wanted)
			.bind("burst", (long) client.burst())
			.bind("capacity", capacity)
			.bind("perToken", perToken)
			.map((row) -> grant(row.get("now_us", Long.class), row.get("taken_full_at", Long.class),
					row.get("granted", Long.class), row.get("stored_full_at", Long.class), perToken, capacity))
			.one()
			// a take that hangs would hold up every later request of the client behind it
			.timeout(this.timeout);
	}

	private static Grant grant(Long now, Long takenFullAt, Long granted, Long storedFullAt, long perToken,
			long capacity) {
		if (takenFullAt != null && granted != null) {
			return new Grant(granted.intValue(), now, takenFullAt, perToken, capacity);
		}
		// none left: the bucket is as stored (or, in a race with a client's very first
		// takes, just being created, so at most one token's wait away)
		long fullAt = (storedFullAt != null) ? storedFullAt : now - capacity + perToken;
		return new Grant(0, now, fullAt, perToken, capacity);
	}

}
