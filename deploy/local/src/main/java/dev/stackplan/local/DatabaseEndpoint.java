package dev.stackplan.local;

/**
 * Where the platform's Postgres is.
 *
 * @param host host name
 * @param port port
 * @param name database name
 * @param user user name
 * @param password password, empty for trust authentication
 */
public record DatabaseEndpoint(String host, int port, String name, String user, String password) {

	public String r2dbcUrl() {
		return "r2dbc:postgresql://" + this.host + ":" + this.port + "/" + this.name;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.name;
	}

}
