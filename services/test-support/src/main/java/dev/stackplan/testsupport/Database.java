package dev.stackplan.testsupport;

/**
 * Where a test's Postgres is.
 *
 * @param host host name
 * @param port port
 * @param name database name
 * @param user user name
 * @param password password, empty for trust authentication
 * @param origin what provides it, for test logs
 */
public record Database(String host, int port, String name, String user, String password, String origin) {

	public String r2dbcUrl() {
		return "r2dbc:postgresql://" + this.host + ":" + this.port + "/" + this.name;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.name;
	}

}
