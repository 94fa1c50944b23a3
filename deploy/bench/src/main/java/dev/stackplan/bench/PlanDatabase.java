package dev.stackplan.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the platform stored, read over JDBC: plan statuses (the backlog), a plan's
 * timestamps, a scenario's row and the size of every table. One connection, used from one
 * thread.
 */
final class PlanDatabase implements AutoCloseable {

	/** Plan ids per {@code = any(?)} query. */
	private static final int ID_CHUNK = 5000;

	private final Connection connection;

	PlanDatabase(String url, String user, String password) throws SQLException {
		this.connection = DriverManager.getConnection(url, user, password);
		this.connection.setAutoCommit(true);
	}

	/**
	 * Drops and creates the benchmark's own database, so that every run starts empty and
	 * its sizes are its own.
	 */
	static void recreate(String adminUrl, String user, String password, String name) throws SQLException {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("not a plain database name: " + name);
		}
		try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
				Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
			statement.execute("create database " + name);
		}
	}

	String version() throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet rows = statement.executeQuery("show server_version")) {
			rows.next();
			return rows.getString(1);
		}
	}

	/**
	 * Counts by status of the plans intake accepted at or after {@code since}.
	 *
	 * @param complete COMPLETE
	 * @param partial PARTIAL
	 * @param failed FAILED
	 * @param pending PENDING
	 */
	record StatusCounts(long complete, long partial, long failed, long pending) {

		long ended() {
			return this.complete + this.partial + this.failed;
		}

	}

	StatusCounts statusSince(Instant since) throws SQLException {
		try (PreparedStatement query = this.connection.prepareStatement("""
				select count(*) filter (where status = 'COMPLETE'), count(*) filter (where status = 'PARTIAL'),
				       count(*) filter (where status = 'FAILED'), count(*) filter (where status = 'PENDING')
				from gateway.plans where requested_at >= ?""")) {
			query.setTimestamp(1, Timestamp.from(since));
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return new StatusCounts(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
			}
		}
	}

	/**
	 * One stored plan.
	 *
	 * @param status its status
	 * @param requestedAt when intake accepted it
	 * @param assembledAt when it turned COMPLETE
	 * @param problem a half was recorded missing on the way (the plan was PARTIAL once)
	 */
	record PlanRow(String status, @Nullable Instant requestedAt, @Nullable Instant assembledAt, boolean problem) {

	}

	Map<String, PlanRow> plans(List<String> planIds) throws SQLException {
		Map<String, PlanRow> found = new HashMap<>();
		for (int from = 0; from < planIds.size(); from += ID_CHUNK) {
			List<String> chunk = planIds.subList(from, Math.min(planIds.size(), from + ID_CHUNK));
			try (PreparedStatement query = this.connection.prepareStatement(
					"select plan_id, status, requested_at, assembled_at, stack_problem is not null or costs_problem is not null"
							+ " from gateway.plans where plan_id = any(?)")) {
				Array ids = this.connection.createArrayOf("uuid", chunk.stream().map(UUID::fromString).toArray());
				query.setArray(1, ids);
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						found.put(rows.getString(1),
								new PlanRow(rows.getString(2), instant(rows, 3), instant(rows, 4), rows.getBoolean(5)));
					}
				}
			}
		}
		return found;
	}

	/**
	 * A scenario's row.
	 *
	 * @param status its status
	 * @param total requests it selected
	 * @param processed requests replayed
	 * @param createdAt when it was created
	 * @param startedAt when its replay started
	 * @param finishedAt when it finished
	 * @param failure why it failed
	 */
	record ScenarioRow(String status, @Nullable Integer total, int processed, Instant createdAt,
			@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String failure) {

	}

	@Nullable ScenarioRow scenario(UUID scenarioId) throws SQLException {
		try (PreparedStatement query = this.connection.prepareStatement("""
				select status, total, processed, created_at, started_at, finished_at, failure
				from gateway.scenarios where scenario_id = ?""")) {
			query.setObject(1, scenarioId);
			try (ResultSet rows = query.executeQuery()) {
				if (!rows.next()) {
					return null;
				}
				Integer total = (Integer) rows.getObject(2);
				return new ScenarioRow(rows.getString(1), total, rows.getInt(3), instant(rows, 4), instant(rows, 5),
						instant(rows, 6), rows.getString(7));
			}
		}
	}

	/**
	 * A table with its indexes and TOAST.
	 *
	 * @param table schema-qualified name
	 * @param rows exact row count
	 * @param totalBytes pg_total_relation_size
	 * @param bytesPerRow totalBytes / rows
	 */
	record TableSize(String table, long rows, long totalBytes, double bytesPerRow) {

	}

	List<TableSize> tableSizes() throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = this.connection.createStatement(); ResultSet rows = statement.executeQuery("""
				select schemaname || '.' || tablename from pg_tables
				where schemaname in ('gateway', 'intake') and tablename not like 'flyway%'
				order by 1""")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		List<TableSize> sizes = new ArrayList<>();
		for (String table : tables) {
			try (Statement statement = this.connection.createStatement();
					ResultSet rows = statement
						.executeQuery("select count(*), pg_total_relation_size('" + table + "') from " + table)) {
				rows.next();
				long count = rows.getLong(1);
				long bytes = rows.getLong(2);
				sizes.add(
						new TableSize(table, count, bytes, (count == 0) ? 0 : Math.round(bytes * 10.0 / count) / 10.0));
			}
		}
		return sizes;
	}

	long planCount() throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet rows = statement.executeQuery("select count(*) from gateway.plans")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static @Nullable Instant instant(ResultSet rows, int column) throws SQLException {
		Timestamp timestamp = rows.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
