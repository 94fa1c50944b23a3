package dev.stackplan.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.testsupport.Database;
import dev.stackplan.testsupport.RawRecords;
import dev.stackplan.testsupport.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * Past requests put on the log as intake publishes them, and planned by production before
 * any scenario replays them.
 *
 * @param from before the first was requested
 * @param to after the last was requested
 * @param planIds the plans
 * @param planning from the first request on the log to the last plan COMPLETE in Postgres
 */
record PastPlans(Instant from, Instant to, List<UUID> planIds, Duration planning) {

	/** Puts them on the log and waits until production has planned every one. */
	static PastPlans planned(String namePrefix, int count, Duration atMost) {
		SharedPlatform.services();
		Instant from = Instant.now();
		Map<String, String> events = PlanRequestMother.pastRequestEvents(namePrefix, count);
		List<UUID> planIds = events.keySet().stream().map(UUID::fromString).toList();
		long start = System.nanoTime();
		RawRecords.sendAll(PlanEvent.PLAN_REQUESTED.topic(), events, Map.of("__TypeId__", "plan-requested.v1"));
		Instant to = Instant.now().plusMillis(1);
		await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> complete(planIds) == count);
		return new PastPlans(from, to, planIds, Duration.ofNanos(System.nanoTime() - start));
	}

	/** A scenario's source that selects these plans by their time window. */
	String window() {
		return "{\"from\":\"" + this.from + "\",\"to\":\"" + this.to + "\"}";
	}

	/** The platform's database, for what the API does not show. */
	static Connection connect() throws Exception {
		Database db = TestInfrastructure.database();
		return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
	}

	private static int complete(List<UUID> planIds) throws Exception {
		try (Connection db = connect();
				PreparedStatement query = db.prepareStatement(
						"select count(*) from gateway.plans where status = 'COMPLETE' and plan_id = any(?)")) {
			query.setArray(1, db.createArrayOf("uuid", planIds.toArray()));
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
