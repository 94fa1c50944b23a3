package dev.stackplan.kit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.kafka.clients.admin.Admin;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every service watches the broker; those with a database watch it too. Each is a health
 * component ({@code broker}, {@code database}) that reads the last look and so answers at
 * once, whatever the dependency does; readiness groups include them.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class,
		afterName = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
@EnableConfigurationProperties(DependencyProperties.class)
public class DependenciesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DependencyWatch dependencyWatch(ObjectProvider<DependencyCheck> checks, DependencyProperties properties) {
		Map<Dependency, DependencyWatch.Check> all = new EnumMap<>(Dependency.class);
		List<Runnable> warmUps = new ArrayList<>();
		checks.orderedStream().forEach((check) -> {
			all.put(check.dependency(), check.check());
			warmUps.add(check.warmUp());
		});
		return new DependencyWatch(all, warmUps, properties);
	}

	@Bean
	@ConditionalOnMissingBean(name = "brokerHealthIndicator")
	HealthIndicator brokerHealthIndicator(DependencyWatch watch) {
		return () -> health(watch, Dependency.BROKER);
	}

	static Health health(DependencyWatch watch, Dependency dependency) {
		DependencyWatch.State state = watch.state(dependency);
		return state.available() ? Health.up().build() : Health.down().withDetail("reason", state.reason()).build();
	}

	/**
	 * A look at the broker through an admin client of its own, whose every request is
	 * bounded by the check timeout.
	 */
	@Bean
	DependencyCheck brokerCheck(KafkaAdmin kafkaAdmin, DependencyProperties properties) {
		Admin admin = BoundedAdmins.create(kafkaAdmin, properties.checkTimeout(), "dependency-watch");
		return new DependencyCheck(Dependency.BROKER,
				() -> Mono.fromFuture(() -> admin.describeCluster().nodes().toCompletionStage().toCompletableFuture()),
				admin::close);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ConnectionFactory.class, ConnectionPool.class })
	@ConditionalOnBean(ConnectionFactory.class)
	static class DatabaseWatchConfiguration {

		/**
		 * A look at the database on one connection of its own, beside the pool: a pool
		 * busy with requests is not a database that is away.
		 */
		@Bean
		DependencyCheck databaseCheck(ConnectionFactory connectionFactory, DependencyProperties properties) {
			ConnectionFactory direct = (connectionFactory instanceof ConnectionPool pool) ? pool.unwrap()
					: connectionFactory;
			AtomicReference<Connection> connection = new AtomicReference<>();
			DependencyWatch.Check check = () -> Mono.justOrEmpty(connection.get())
				.switchIfEmpty(Mono.from(direct.create()).doOnNext(connection::set))
				.flatMapMany((open) -> Flux.from(open.createStatement("SELECT 1").execute())
					.flatMap((result) -> result.map((row, metadata) -> 1)))
				.then()
				// a connection that failed or was cut off mid-answer is not used again
				.doOnError((ex) -> discard(connection))
				.doOnCancel(() -> discard(connection));
			Runnable warmUp = () -> {
				if (connectionFactory instanceof ConnectionPool pool) {
					pool.warmup().timeout(properties.warmUpTimeout()).onErrorResume((ex) -> Mono.empty()).block();
				}
			};
			return new DependencyCheck(Dependency.DATABASE, check, () -> discard(connection), warmUp);
		}

		private static void discard(AtomicReference<Connection> connection) {
			Connection old = connection.getAndSet(null);
			if (old != null) {
				Mono.from(old.close()).onErrorComplete().subscribe();
			}
		}

		@Bean
		@ConditionalOnMissingBean(name = "databaseHealthIndicator")
		HealthIndicator databaseHealthIndicator(DependencyWatch watch) {
			return () -> health(watch, Dependency.DATABASE);
		}

	}

}
