package dev.stackplan.reliability;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * What Postgres holds about plans: the gateway's read model ({@code gateway.plans}, one
 * row per plan id) and intake's idempotency keys ({@code intake.idempotency_keys}). The
 * truth a test checks the platform's promises against, read over a connection of its own.
 */
final class PlanLedger {

	static final String COMPLETE = "COMPLETE";

	static final String PARTIAL = "PARTIAL";

	/** A read that takes longer means the database is not back: fail, do not hang. */
	private static final int SOCKET_TIMEOUT_SECONDS = 20;

	private final String jdbcUrl;

	PlanLedger(String jdbcUrl) {
		this.jdbcUrl = jdbcUrl;
	}

	/** The status of every plan id that has a row; an id without one is absent. */
	Map<UUID, String> statuses(Collection<UUID> planIds) {
		Map<UUID, String> statuses = new HashMap<>();
		query("select plan_id, status from gateway.plans where plan_id = any(?)", planIds,
				(rows) -> statuses.put(rows.getObject(1, UUID.class), rows.getString(2)));
		return statuses;
	}

	/** How many rows each plan id has (the primary key says one; this proves it). */
	Map<UUID, Integer> rowsPerPlan(Collection<UUID> planIds) {
		Map<UUID, Integer> rows = new HashMap<>();
		query("select plan_id, count(*) from gateway.plans where plan_id = any(?) group by plan_id", planIds,
				(result) -> rows.put(result.getObject(1, UUID.class), result.getInt(2)));
		return rows;
	}

	/** The plan each idempotency key of a client created, as intake recorded it. */
	Map<String, UUID> planOfKey(String clientId, Collection<String> keys) {
		Map<String, UUID> plans = new HashMap<>();
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement(
						"select idempotency_key, plan_id from intake.idempotency_keys where client_id = ? and idempotency_key = any(?)")) {
			statement.setString(1, clientId);
			statement.setArray(2, connection.createArrayOf("text", keys.toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					plans.put(rows.getString(1), rows.getObject(2, UUID.class));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return plans;
	}

	/**
	 * Waits until every plan is COMPLETE or the time is up, and answers the statuses
	 * then.
	 */
	Map<UUID, String> awaitComplete(Collection<UUID> planIds, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			Map<UUID, String> statuses = statuses(planIds);
			boolean allComplete = planIds.stream().allMatch((id) -> COMPLETE.equals(statuses.get(id)));
			if (allComplete || System.nanoTime() > deadline) {
				return statuses;
			}
			OsProcesses.sleep(Duration.ofSeconds(1));
		}
	}

	private interface RowReader {

		void read(ResultSet rows) throws SQLException;

	}

	private void query(String sql, Collection<UUID> planIds, RowReader reader) {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			Array ids = connection.createArrayOf("uuid", planIds.toArray());
			statement.setArray(1, ids);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					reader.read(rows);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		properties.setProperty("password", "");
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
		return DriverManager.getConnection(this.jdbcUrl, properties);
	}

	static List<UUID> ids(Collection<UUID> ids) {
		return List.copyOf(ids);
	}

}
