package dev.stackplan.gateway;

import java.util.UUID;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A table whose rows belong to clients, read one row by its id. The owner is part of the
 * query, so another client's row is never read: "not yours" and "does not exist" cost the
 * same.
 *
 * @param <T> what a row is read as
 */
public final class OwnedRows<T> {

	private final DatabaseClient db;

	private final String byId;

	private final Function<Readable, T> mapping;

	/**
	 * @param db the database
	 * @param table the table, whose owner is in {@code client_id}
	 * @param id the table's id column
	 * @param columns the columns read
	 * @param mapping how a row is read
	 */
	public OwnedRows(DatabaseClient db, String table, String id, String columns, Function<Readable, T> mapping) {
		this.db = db;
		this.byId = "select " + columns + " from " + table + " where " + id + " = :id";
		this.mapping = mapping;
	}

	/** The row of this id, whoever owns it. */
	public Mono<T> find(UUID id) {
		return this.db.sql(this.byId).bind("id", id).map(this.mapping).one();
	}

	/** The row of this id if the client owns it. */
	public Mono<T> findOwned(UUID id, String clientId) {
		return this.db.sql(this.byId + " and client_id = :client")
			.bind("id", id)
			.bind("client", clientId)
			.map(this.mapping)
			.one();
	}

}
