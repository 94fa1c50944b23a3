package dev.stackplan.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP calls of a test, each bounded: {@link #send} for the usual ones, and
 * {@link #raw} for bytes no HTTP client would put on the wire unchanged (a path spelled
 * with {@code ;} or {@code %61}).
 */
final class Http {

	static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/**
	 * An answer.
	 *
	 * @param status the status, 0 without an answer
	 * @param body the body
	 * @param contentType its {@code Content-Type}, or empty
	 * @param retryAfter its {@code Retry-After}, or null
	 * @param latency from send to answer
	 */
	record Reply(int status, String body, String contentType, String retryAfter, Duration latency) {

	}

	private Http() {
	}

	static Reply get(String url, String apiKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		return send(request.build());
	}

	static Reply post(String url, String apiKey, Map<String, String> headers, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		headers.forEach(request::header);
		return send(request.build());
	}

	static Reply send(HttpRequest request) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Retry-After").orElse(null),
					Duration.ofNanos(System.nanoTime() - started));
		}
		catch (IOException ex) {
			return new Reply(0, ex.toString(), "", null, Duration.ofNanos(System.nanoTime() - started));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes a request head (and body) exactly as given and reads the answer until the
	 * server closes ({@code Connection: close}).
	 * @param port on 127.0.0.1
	 * @param head the request line and headers, without the blank line
	 * @param body bytes after the blank line (may be empty)
	 * @return the status and the whole answer
	 */
	static Reply raw(int port, String head, byte[] body) {
		long started = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			String fullHead = head + "\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
					+ ((body.length > 0) ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
			out.write(fullHead.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			String text = answer.toString(StandardCharsets.UTF_8);
			int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12))
					: 0;
			return new Reply(status, text, "", null, Duration.ofNanos(System.nanoTime() - started));
		}
		catch (IOException ex) {
			return new Reply(0, ex.toString(), "", null, Duration.ofNanos(System.nanoTime() - started));
		}
	}

}
