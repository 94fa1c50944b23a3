package dev.stackplan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The addresses a TCP port listens on, as the Linux kernel reports them
 * ({@code /proc/net/tcp} and {@code tcp6}): what a peer on another interface could reach,
 * not what the configuration says.
 */
public final class ListeningSockets {

	private static final Path TCP = Path.of("/proc/net/tcp");

	private static final Path TCP6 = Path.of("/proc/net/tcp6");

	/** The kernel's state code of a listening socket. */
	private static final String LISTEN = "0A";

	private ListeningSockets() {
	}

	public static boolean available() {
		return Files.isReadable(TCP);
	}

	/** Every local address the port listens on, e.g. {@code 127.0.0.1} or {@code ::}. */
	public static Set<String> addresses(int port) {
		Set<String> addresses = new TreeSet<>();
		read(TCP, port, addresses);
		read(TCP6, port, addresses);
		return addresses;
	}

	private static void read(Path table, int port, Set<String> addresses) {
		if (!Files.isReadable(table)) {
			return;
		}
		String wantedPort = String.format(Locale.ROOT, "%04X", port);
		try {
			for (String line : Files.readAllLines(table)) {
				String[] fields = line.strip().split("\\s+");
				// sl local_address rem_address st ...; the header line has no ':' in
				// field 1
				if (fields.length < 4 || !fields[1].contains(":") || !LISTEN.equals(fields[3])) {
					continue;
				}
				String[] local = fields[1].split(":");
				if (local[1].equalsIgnoreCase(wantedPort)) {
					addresses.add(address(local[0]));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The kernel prints each 32-bit word of the address in host (little-endian) order.
	 */
	private static String address(String hex) {
		byte[] bytes = HexFormat.of().parseHex(hex);
		for (int word = 0; word < bytes.length; word += 4) {
			for (int i = 0; i < 2; i++) {
				byte swap = bytes[word + i];
				bytes[word + i] = bytes[word + 3 - i];
				bytes[word + 3 - i] = swap;
			}
		}
		try {
			return InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
