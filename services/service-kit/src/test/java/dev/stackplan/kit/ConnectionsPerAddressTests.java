package dev.stackplan.kit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConnectionsPerAddressTests {

	@Test
	void anAddressPastItsBoundHasItsNewConnectionClosedAndGetsOneBackWhenItClosesOne() throws IOException {
		ConnectionsPerAddress perAddress = new ConnectionsPerAddress(2);
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnChannelInit(perAddress::admit)
			.handle((request, response) -> response.sendString(Mono.just("ok")))
			.bindNow();
		List<Socket> sockets = new ArrayList<>();
		try {
			InetAddress loopback = InetAddress.getByName("127.0.0.1");
			sockets.add(new Socket("127.0.0.1", server.port()));
			sockets.add(new Socket("127.0.0.1", server.port()));
			await().atMost(Duration.ofSeconds(5)).until(() -> perAddress.openFrom(loopback) == 2);

			Socket third = new Socket("127.0.0.1", server.port());
			sockets.add(third);
			third.setSoTimeout(5000);
			try (InputStream in = third.getInputStream()) {
				assertThat(in.read()).as("closed by the server").isEqualTo(-1);
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> perAddress.openFrom(loopback) == 2);

			sockets.get(0).close();
			await().atMost(Duration.ofSeconds(5)).until(() -> perAddress.openFrom(loopback) == 1);
		}
		finally {
			for (Socket socket : sockets) {
				socket.close();
			}
			server.disposeNow();
		}
	}

}
