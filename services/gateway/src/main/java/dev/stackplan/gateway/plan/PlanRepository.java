package dev.stackplan.gateway.plan;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.stackplan.contracts.event.PlanStatus;
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
 * The plan read model in Postgres. Every write is an idempotent upsert: each part of a
 * plan is stored once, the first time it arrives, and the status turns COMPLETE in the
 * same statement that stores the second half, so concurrent halves cannot both miss each
 * other.
 */
@Repository
class PlanRepository {

	private static final String COLUMNS = """
			plan_id, client_id, status, requested_at, request::text as request, stack::text as stack,
			stack_knowledge_version, costs::text as costs, costs_knowledge_version, assembled_at, assembled_published,
			stack_problem, costs_problem
			""";

	private final DatabaseClient db;

	private final OwnedRows<PlanRow> byId;

	PlanRepository(DatabaseClient db) {
		this.db = db;
		this.byId = new OwnedRows<>(db, "plans", "plan_id", COLUMNS, PlanRepository::toRow);
	}

	/**
	 * The gateway forwarded a request and intake accepted it: the plan exists from now
	 * on.
	 */
	Mono<Void> recordAccepted(UUID planId, String clientId, Instant acceptedAt) {
		return this.db.sql("""
				insert into plans (plan_id, client_id, status, requested_at) values (:id, :client, 'PENDING', :at)
				on conflict (plan_id) do update
				set client_id = coalesce(plans.client_id, excluded.client_id),
				    requested_at = coalesce(plans.requested_at, excluded.requested_at)
				""").bind("id", planId).bind("client", clientId).bind("at", acceptedAt).then();
	}

	Mono<Void> recordRequested(UUID planId, String clientId, Instant requestedAt, String requestJson) {
		return recordRequested(List.of(new StoredHalf(planId, clientId, requestedAt, requestJson)));
	}

	Mono<Void> recordHalf(Half half, UUID planId, String knowledgeVersion, Instant madeAt, String json) {
		return recordHalves(half, List.of(new StoredHalf(planId, knowledgeVersion, madeAt, json)));
	}

	/**
	 * Stores the requests of a batch in one statement.
	 * @param requests the requests, at most one per plan
	 */
	Mono<Void> recordRequested(List<StoredHalf> requests) {
		return upsert(requests, "(:id%1$d, :client%1$d, 'PENDING', :at%1$d, cast(:json%1$d as jsonb))", (values) -> """
				insert into plans (plan_id, client_id, status, requested_at, request)
				values %s
				on conflict (plan_id) do update
				set client_id = excluded.client_id, requested_at = excluded.requested_at, request = excluded.request,
				    updated_at = now()
				where plans.request is null
				""".formatted(values));
	}

	/**
	 * Stores one half of each plan of a batch in one statement; a plan whose other half
	 * is there turns COMPLETE in it.
	 */
	Mono<Void> recordHalves(Half half, List<StoredHalf> halves) {
		String madeAt = switch (half) {
			case STACK -> "scored_at";
			case COSTS -> "estimated_at";
		};
		return upsert(halves, "(:id%1$d, 'PENDING', cast(:json%1$d as jsonb), :version%1$d, :at%1$d)", (values) -> """
				insert into plans (plan_id, status, %1$s, %1$s_knowledge_version, %3$s)
				values %4$s
				on conflict (plan_id) do update
				set %1$s = excluded.%1$s, %1$s_knowledge_version = excluded.%1$s_knowledge_version,
				    %3$s = excluded.%3$s,
				    status = case when plans.%2$s is not null then 'COMPLETE' else plans.status end,
				    assembled_at = case when plans.%2$s is not null then now() else plans.assembled_at end,
				    updated_at = now()
				where plans.%1$s is null
				""".formatted(half.column(), half.other().column(), madeAt, values));
	}

	private Mono<Void> upsert(List<StoredHalf> halves, String row, UnaryOperator<String> statement) {
		if (halves.isEmpty()) {
			return Mono.empty();
		}
		StringJoiner rows = new StringJoiner(", ");
		for (int i = 0; i < halves.size(); i++) {
			rows.add(row.formatted(i));
		}
		DatabaseClient.GenericExecuteSpec sql = this.db.sql(statement.apply(rows.toString()));
		for (int i = 0; i < halves.size(); i++) {
			StoredHalf half = halves.get(i);
			sql = sql.bind("id" + i, half.planId()).bind("at" + i, half.at()).bind("json" + i, half.json());
			sql = sql.bind((row.contains(":client") ? "client" : "version") + i, half.tag());
		}
		return sql.then();
	}

	/**
	 * The plans among these that are COMPLETE and whose plan.assembled is not yet
	 * published.
	 */
	Flux<PlanRow> findUnpublished(Collection<UUID> planIds) {
		return this.db
			.sql("select " + COLUMNS
					+ " from plans where plan_id = any(:ids) and status = 'COMPLETE' and not assembled_published")
			.bind("ids", planIds.toArray(UUID[]::new))
			.map(PlanRepository::toRow)
			.all();
	}

	/** plan.assembled of these plans was acknowledged by the broker. */
	Mono<Void> markAssembledPublished(Collection<UUID> planIds, Instant assembledAt) {
		return this.db.sql("""
				update plans set assembled_published = true, assembled_at = coalesce(assembled_at, :at),
				    updated_at = now()
				where plan_id = any(:ids)
				""").bind("ids", planIds.toArray(UUID[]::new)).bind("at", assembledAt).then();
	}

	/**
	 * One part of a plan as a batch stores it.
	 *
	 * @param planId the plan
	 * @param tag the client id of a request, the knowledge version of a half
	 * @param at when the part was made
	 * @param json the part as JSON
	 */
	record StoredHalf(UUID planId, String tag, Instant at, String json) {

	}

	/**
	 * plan.assembled was acknowledged by the broker. The assembly time itself is set by
	 * the statement that completes the plan, so a COMPLETE plan always shows when it was
	 * assembled; this only backfills it.
	 */
	Mono<Void> markAssembledPublished(UUID planId, Instant assembledAt) {
		return markAssembledPublished(List.of(planId), assembledAt);
	}

	Mono<PlanRow> findById(UUID planId) {
		return this.byId.find(planId);
	}

	/** The plan if it belongs to the client; another client's plan is never read. */
	Mono<PlanRow> findOwned(UUID planId, String clientId) {
		return this.byId.findOwned(planId, clientId);
	}

	/**
	 * Plans still waiting for this half after the deadline become PARTIAL, the half
	 * missing with the reason. Called only while the service that owes the half is not
	 * running: a plan that merely waits in its queue stays PENDING.
	 * @return when each plan that turned PARTIAL was requested (a plan already PARTIAL
	 * for its other half did not change)
	 */
	Flux<Instant> markOverdueAsPartial(Half half, Instant requestedBefore, String reason) {
		return this.db.sql("""
				with overdue as (
				    select plan_id, status as was from plans
				    where status in ('PENDING', 'PARTIAL') and requested_at < :before
				      and %1$s is null and %1$s_problem is null
				    for update)
				update plans p set status = 'PARTIAL', %1$s_problem = :reason, updated_at = now()
				from overdue o where p.plan_id = o.plan_id
				returning o.was, p.requested_at
				""".formatted(half.column()))
			.bind("before", requestedBefore)
			.bind("reason", reason)
			.map((row) -> new StateChange(status(row, "was"), PlanStatus.PARTIAL, Rows.instant(row, "requested_at")))
			.all()
			// a PARTIAL plan missing its other half too stays PARTIAL: no change of state
			.filter((change) -> change.was() == PlanStatus.PENDING)
			.mapNotNull(StateChange::requestedAt);
	}

	/**
	 * A service gave up on a plan (its request went to the dead-letter topic): the half
	 * it owes is missing with that reason; with both halves missing the plan FAILED.
	 * @return the plan's status before and after, empty when the half had arrived after
	 * all
	 */
	Mono<StateChange> recordFailedHalf(UUID planId, Half half, String reason) {
		Half other = half.other();
		return this.db.sql("""
				with before as (select status from plans where plan_id = :id)
				insert into plans (plan_id, status, %1$s_problem) values (:id, 'PARTIAL', :reason)
				on conflict (plan_id) do update
				set %1$s_problem = coalesce(plans.%1$s_problem, excluded.%1$s_problem),
				    status = case when plans.%2$s is null and plans.%2$s_problem is not null then 'FAILED'
				                  else 'PARTIAL' end,
				    updated_at = now()
				where plans.%1$s is null
				returning status, (select status from before) as was, requested_at
				""".formatted(half.column(), other.column()))
			.bind("id", planId)
			.bind("reason", reason)
			.map((row) -> new StateChange(status(row, "was"), Objects.requireNonNull(status(row, "status")),
					Rows.instant(row, "requested_at")))
			.one();
	}

	/**
	 * A plan's status before and after a statement.
	 *
	 * @param was the status before; null when the plan was not stored yet
	 * @param now the status after
	 * @param requestedAt when the plan was requested; null when its request is not stored
	 * yet
	 */
	record StateChange(@Nullable PlanStatus was, PlanStatus now, @Nullable Instant requestedAt) {

	}

	/** One client's plans, newest first, after the cursor position if one is given. */
	Flux<PlanRow> findByClient(String clientId, @Nullable PlanStatus status, @Nullable PlanCursor after, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from plans where client_id = :client");
		if (status != null) {
			sql.append(" and status = :status");
		}
		if (after != null) {
			sql.append(" and (requested_at, plan_id) < (:afterAt, :afterId)");
		}
		sql.append(" order by requested_at desc, plan_id desc limit :limit");
		DatabaseClient.GenericExecuteSpec query = this.db.sql(sql.toString())
			.bind("client", clientId)
			.bind("limit", limit);
		if (status != null) {
			query = query.bind("status", status.name());
		}
		if (after != null) {
			query = query.bind("afterAt", after.requestedAt()).bind("afterId", after.planId());
		}
		return query.map(PlanRepository::toRow).all();
	}

	private static @Nullable PlanStatus status(Readable row, String column) {
		String status = row.get(column, String.class);
		return (status != null) ? PlanStatus.valueOf(status) : null;
	}

	private static PlanRow toRow(Readable row) {
		Boolean published = row.get("assembled_published", Boolean.class);
		return new PlanRow(row.get("plan_id", UUID.class), row.get("client_id", String.class),
				Objects.requireNonNull(status(row, "status")), Rows.instant(row, "requested_at"),
				row.get("request", String.class), row.get("stack", String.class),
				row.get("stack_knowledge_version", String.class), row.get("costs", String.class),
				row.get("costs_knowledge_version", String.class), Rows.instant(row, "assembled_at"),
				Boolean.TRUE.equals(published), row.get("stack_problem", String.class),
				row.get("costs_problem", String.class));
	}

}
