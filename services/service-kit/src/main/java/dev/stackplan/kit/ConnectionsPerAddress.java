package dev.stackplan.kit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.ConnectionObserver;

/**
 * Bounds the connections one remote address holds open at once: past the bound, a new
 * connection is closed as it opens, so one client cannot take every socket of a server.
 */
final class ConnectionsPerAddress {

	private static final Log logger = LogFactory.getLog(ConnectionsPerAddress.class);

	private final int max;

	private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();

	ConnectionsPerAddress(int max) {
		this.max = max;
	}

	/**
	 * As the channel opens, before any byte is read: a connection that never sends counts
	 * too.
	 */
	void admit(ConnectionObserver observer, Channel channel, @Nullable SocketAddress remote) {
		SocketAddress peer = (remote != null) ? remote : channel.remoteAddress();
		if (!(peer instanceof InetSocketAddress socket)) {
			return;
		}
		InetAddress address = socket.getAddress();
		int now = this.open.merge(address, 1, Integer::sum);
		channel.closeFuture()
			.addListener(
					(closed) -> this.open.computeIfPresent(address, (key, count) -> (count > 1) ? count - 1 : null));
		if (now > this.max) {
			logger.warn(address.getHostAddress() + " holds " + this.max + " connections already; closing one more");
			channel.close();
		}
	}

	/** For tests and metrics: what one address holds now. */
	int openFrom(InetAddress address) {
		return this.open.getOrDefault(address, 0);
	}

}
