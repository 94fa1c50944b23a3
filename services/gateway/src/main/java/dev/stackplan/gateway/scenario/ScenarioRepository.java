package dev.stackplan.gateway.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import dev.stackplan.gateway.Half;
import dev.stackplan.gateway.OwnedRows;
import dev.stackplan.gateway.Rows;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Scenarios and their results, apart from the production plans they are compared with.
 */
@Repository
class ScenarioRepository {

	private static final String COLUMNS = """
			scenario_id, client_id, name, status, source::text as source, overrides::text as overrides, total,
			published, processed, first_requested_at, last_requested_at, failure, created_at, started_at, finished_at,
			log_end_offsets::text as log_end_offsets
			""";

	private static final String UNFINISHED = "status in ('COUNTING', 'RUNNING')";

	private final DatabaseClient db;

	private final OwnedRows<ScenarioRow> byId;

	ScenarioRepository(DatabaseClient db) {
		this.db = db;
		this.byId = new OwnedRows<>(db, "scenarios", "scenario_id", COLUMNS, ScenarioRepository::toRow);
	}

	Mono<Void> create(UUID scenarioId, String clientId, String name, String sourceJson, String overridesJson) {
		return this.db.sql("""
				insert into scenarios (scenario_id, client_id, name, status, source, overrides)
				values (:id, :client, :name, 'COUNTING', cast(:source as jsonb), cast(:overrides as jsonb))
				""")
			.bind("id", scenarioId)
			.bind("client", clientId)
			.bind("name", name)
			.bind("source", sourceJson)
			.bind("overrides", overridesJson)
			.then();
	}

	/**
	 * Claims the scenario for this instance if no other instance holds a live lease on
	 * it; a lease that ran out counts as a takeover. Empty when the scenario is finished,
	 * taken, or was taken over too often.
	 */
	Mono<ScenarioRow> claim(UUID scenarioId, String instance, Duration lease, int maxTakeovers) {
		return claimWhere("scenario_id = :id", 1, instance, lease, maxTakeovers).bind("id", scenarioId)
			.map(ScenarioRepository::toRow)
			.one();
	}

	/**
	 * Claims up to {@code limit} unfinished scenarios that nobody holds (a gateway that
	 * stopped gracefully released them) or whose lease ran out (their gateway died),
	 * oldest first; rows another instance is claiming at the same moment are skipped, not
	 * waited for.
	 */
	Flux<ScenarioRow> claimAbandoned(String instance, Duration lease, int maxTakeovers, int limit) {
		return claimWhere("true", limit, instance, lease, maxTakeovers).map(ScenarioRepository::toRow).all();
	}

	private DatabaseClient.GenericExecuteSpec claimWhere(String condition, int limit, String instance, Duration lease,
			int maxTakeovers) {
		return this.db.sql("""
				update scenarios s set claimed_by = :instance,
				    lease_until = now() + :leaseMillis * interval '1 millisecond',
				    takeovers = s.takeovers + case when s.lease_until is null then 0 else 1 end
				where s.scenario_id in (
				    select scenario_id from scenarios
				    where %1$s and %2$s and (lease_until is null or lease_until < now()) and takeovers < :maxTakeovers
				    order by created_at limit :limit
				    for update skip locked)
				returning %3$s
				""".formatted(UNFINISHED, condition, COLUMNS))
			.bind("instance", instance)
			.bind("leaseMillis", lease.toMillis())
			.bind("maxTakeovers", maxTakeovers)
			.bind("limit", limit);
	}

	/**
	 * Renews every lease this instance holds on an unfinished scenario; a scenario not
	 * returned is no longer this instance's to drive (finished, cancelled or taken over).
	 */
	Flux<Progress> renew(String instance, Duration lease) {
		return this.db.sql("""
				update scenarios set lease_until = now() + :leaseMillis * interval '1 millisecond'
				where claimed_by = :instance and %s
				returning scenario_id, total, processed
				""".formatted(UNFINISHED))
			.bind("instance", instance)
			.bind("leaseMillis", lease.toMillis())
			.map((row) -> new Progress(row.get("scenario_id", UUID.class), row.get("total", Integer.class),
					row.get("processed", Integer.class)))
			.all();
	}

	/**
	 * How far a driven scenario is.
	 *
	 * @param scenarioId the scenario
	 * @param total plans to replay, once counted
	 * @param processed plans back
	 */
	record Progress(UUID scenarioId, @Nullable Integer total, int processed) {

	}

	/**
	 * Gives up this instance's leases, so that another instance takes its scenarios over
	 * at once instead of after the lease.
	 */
	Mono<Long> release(String instance) {
		return this.db
			.sql("update scenarios set claimed_by = null, lease_until = null where claimed_by = :instance and "
					+ UNFINISHED)
			.bind("instance", instance)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Unfinished scenarios past their time, or that stopped their gateways too often,
	 * fail with the reason. Idempotent: every instance may run it.
	 */
	Mono<Long> failStuck(Duration longest, int maxTakeovers) {
		return this.db
			.sql("""
					update scenarios set status = 'FAILED', finished_at = now(), claimed_by = null, lease_until = null,
					    failure = case when takeovers >= :maxTakeovers
					        then 'Its gateway stopped ' || (takeovers + 1) || ' times while driving it; it is not taken over again'
					        else 'Not finished within ' || :longest || ': ' || processed || ' of '
					            || coalesce(total::text, 'an uncounted number of') || ' plans came back' end
					where %s and (created_at < now() - :longestMillis * interval '1 millisecond'
					    or (takeovers >= :maxTakeovers and (lease_until is null or lease_until < now())))
					"""
				.formatted(UNFINISHED))
			.bind("longest", longest.toString())
			.bind("longestMillis", longest.toMillis())
			.bind("maxTakeovers", maxTakeovers)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * The count is known: the replay starts; with nothing to replay the scenario is
	 * already complete. Only the instance holding the scenario may say so; false if it no
	 * longer does.
	 */
	Mono<Boolean> started(UUID scenarioId, String instance, PlanLog.Scan scan, String endOffsetsJson) {
		DatabaseClient.GenericExecuteSpec update = this.db.sql("""
				update scenarios set total = :total, started_at = now(),
				    status = case when :total = 0 then 'COMPLETE' else 'RUNNING' end,
				    finished_at = case when :total = 0 then now() end,
				    first_requested_at = :first, last_requested_at = :last,
				    log_end_offsets = cast(:offsets as jsonb)
				where scenario_id = :id and claimed_by = :instance and status = 'COUNTING'
				""")
			.bind("id", scenarioId)
			.bind("instance", instance)
			.bind("total", scan.requests())
			.bind("offsets", endOffsetsJson);
		update = (scan.firstRequestedAt() != null) ? update.bind("first", scan.firstRequestedAt())
				: update.bindNull("first", Instant.class);
		update = (scan.lastRequestedAt() != null) ? update.bind("last", scan.lastRequestedAt())
				: update.bindNull("last", Instant.class);
		return update.fetch().rowsUpdated().map((rows) -> rows > 0);
	}

	/**
	 * The first {@code published} requests (in plan id order) are on the broker. Only the
	 * instance holding the scenario may say so; false if it no longer does.
	 */
	Mono<Boolean> published(UUID scenarioId, String instance, int published) {
		return this.db
			.sql("update scenarios set published = :published where scenario_id = :id and claimed_by = :instance and "
					+ UNFINISHED)
			.bind("id", scenarioId)
			.bind("instance", instance)
			.bind("published", published)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/** An unfinished scenario fails with the reason; a finished one stays as it is. */
	Mono<Void> failed(UUID scenarioId, String reason) {
		return this.db.sql("""
				update scenarios set status = 'FAILED', failure = coalesce(failure, :reason), finished_at = now()
				where scenario_id = :id and %s
				""".formatted(UNFINISHED)).bind("id", scenarioId).bind("reason", reason).then();
	}

	/**
	 * Cancels the client's scenario if it is unfinished; empty if it is not the client's
	 * or already finished (the owner is part of the statement, as in {@link #findOwned}).
	 */
	Mono<ScenarioRow> cancel(UUID scenarioId, String clientId) {
		return this.db.sql("""
				update scenarios set status = 'CANCELLED', finished_at = now(), claimed_by = null, lease_until = null
				where scenario_id = :id and client_id = :client and %s
				returning %s
				""".formatted(UNFINISHED, COLUMNS))
			.bind("id", scenarioId)
			.bind("client", clientId)
			.map(ScenarioRepository::toRow)
			.one();
	}

	/**
	 * Stores the same half of many replayed plans in one statement, each once, and counts
	 * the plans it completed on their scenarios; the statement that stores a plan's
	 * second half also completes the scenario with its last plan, so a redelivered half
	 * changes nothing.
	 * @param half the half
	 * @param results at most one per scenario and plan
	 */
	Mono<Void> recordHalves(Half half, List<ResultHalf> results) {
		if (results.isEmpty()) {
			return Mono.empty();
		}
		StringJoiner rows = new StringJoiner(", ");
		for (int i = 0; i < results.size(); i++) {
			rows.add("(:scenario%1$d, :plan%1$d, cast(:json%1$d as jsonb), :version%1$d)".formatted(i));
		}
		DatabaseClient.GenericExecuteSpec sql = this.db.sql("""
				with stored as (
				    insert into scenario_results (scenario_id, plan_id, %1$s, knowledge_version)
				    values %2$s
				    on conflict (scenario_id, plan_id) do update set %1$s = excluded.%1$s
				    where scenario_results.%1$s is null
				    returning scenario_id, (stack is not null and costs is not null) as complete
				), done as (
				    select scenario_id, count(*) as plans from stored where complete group by scenario_id
				)
				update scenarios s
				set processed = s.processed + d.plans,
				    status = case when s.status = 'RUNNING' and s.processed + d.plans >= s.total then 'COMPLETE'
				        else s.status end,
				    finished_at = case when s.status = 'RUNNING' and s.processed + d.plans >= s.total then now()
				        else s.finished_at end
				from done d where s.scenario_id = d.scenario_id
				""".formatted(half.column(), rows));
		for (int i = 0; i < results.size(); i++) {
			ResultHalf result = results.get(i);
			sql = sql.bind("scenario" + i, result.scenarioId())
				.bind("plan" + i, result.planId())
				.bind("json" + i, result.json())
				.bind("version" + i, result.knowledgeVersion());
		}
		return sql.then();
	}

	/**
	 * One half of a replayed plan as a batch stores it.
	 *
	 * @param scenarioId the scenario
	 * @param planId the replayed plan
	 * @param knowledgeVersion the overridden knowledge's version
	 * @param json the half as JSON
	 */
	record ResultHalf(UUID scenarioId, UUID planId, String knowledgeVersion, String json) {

	}

	Mono<ScenarioRow> find(UUID scenarioId) {
		return this.byId.find(scenarioId);
	}

	/** The scenario if it belongs to the client; another client's is never read. */
	Mono<ScenarioRow> findOwned(UUID scenarioId, String clientId) {
		return this.byId.findOwned(scenarioId, clientId);
	}

	/**
	 * A page of the client's scenarios, newest first, after the cursor if there is one.
	 */
	Flux<ScenarioRow> findByClient(String clientId, @Nullable ScenarioCursor after, int limit) {
		String page = (after != null) ? " and (created_at, scenario_id) < (:at, :after)" : "";
		var spec = this.db
			.sql("select " + COLUMNS + " from scenarios where client_id = :client" + page
					+ " order by created_at desc, scenario_id desc limit :limit")
			.bind("client", clientId)
			.bind("limit", limit);
		if (after != null) {
			spec = spec.bind("at", after.createdAt()).bind("after", after.scenarioId());
		}
		return spec.map(ScenarioRepository::toRow).all();
	}

	/**
	 * Each replayed plan beside its production baseline, reduced in the database to the
	 * figures compared. Costs are read in both stored forms: compact (cost-estimated.v2,
	 * totals at the top) and rich (v1, totals inside each estimate).
	 */
	Flux<ComparedPlan> compare(UUID scenarioId) {
		return this.db
			.sql("""
					select r.plan_id, p.request #>> '{product,kind}' as kind,
					    p.plan_id is not null as has_baseline,
					    p.stack ->> 'recommendation' as baseline_recommendation,
					    r.stack ->> 'recommendation' as scenario_recommendation,
					    coalesce(p.stack = r.stack and p.costs = r.costs, false) as identical,
					    (select jsonb_object_agg(o ->> 'option', o -> 'score')
					       from jsonb_array_elements(p.stack -> 'options') o)::text as baseline_scores,
					    (select jsonb_object_agg(o ->> 'option', o -> 'score')
					       from jsonb_array_elements(r.stack -> 'options') o)::text as scenario_scores,
					    coalesce(b.estimate #>> '{onDemandUsd}', b.estimate #>> '{onDemand,totalUsd}') as baseline_on_demand,
					    coalesce(b.estimate #>> '{fullTimeUsd,low}', b.estimate #>> '{fullTime,totalUsd,low}') as baseline_full_time_low,
					    coalesce(b.estimate #>> '{fullTimeUsd,high}', b.estimate #>> '{fullTime,totalUsd,high}') as baseline_full_time_high,
					    coalesce(s.estimate #>> '{onDemandUsd}', s.estimate #>> '{onDemand,totalUsd}') as scenario_on_demand,
					    coalesce(s.estimate #>> '{fullTimeUsd,low}', s.estimate #>> '{fullTime,totalUsd,low}') as scenario_full_time_low,
					    coalesce(s.estimate #>> '{fullTimeUsd,high}', s.estimate #>> '{fullTime,totalUsd,high}') as scenario_full_time_high
					from scenario_results r
					left join plans p on p.plan_id = r.plan_id and p.stack is not null and p.costs is not null
					left join lateral (select jsonb_path_query_first(p.costs, '$[*] ? (@.option == $o)',
					    jsonb_build_object('o', p.stack ->> 'recommendation')) as estimate) b on true
					left join lateral (select jsonb_path_query_first(r.costs, '$[*] ? (@.option == $o)',
					    jsonb_build_object('o', r.stack ->> 'recommendation')) as estimate) s on true
					where r.scenario_id = :id and r.stack is not null and r.costs is not null
					""")
			.bind("id", scenarioId)
			.map(ComparedPlan::of)
			.all();
	}

	private static ScenarioRow toRow(Readable row) {
		return new ScenarioRow(row.get("scenario_id", UUID.class), row.get("client_id", String.class),
				row.get("name", String.class), ScenarioStatus.valueOf(row.get("status", String.class)),
				row.get("source", String.class), row.get("overrides", String.class), row.get("total", Integer.class),
				row.get("published", Integer.class), row.get("processed", Integer.class),
				Rows.instant(row, "first_requested_at"), Rows.instant(row, "last_requested_at"),
				row.get("failure", String.class), Rows.instant(row, "created_at"), Rows.instant(row, "started_at"),
				Rows.instant(row, "finished_at"), row.get("log_end_offsets", String.class));
	}

}
