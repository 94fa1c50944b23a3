package dev.stackplan.gateway.scenario;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;

/**
 * A scenario report as CSV ({@link ScenarioReport#toCsv}), for an answer whose content
 * type the controller set to {@code text/csv}. It offers CSV to no content negotiation:
 * only a request that names {@code text/csv} gets it.
 */
final class ScenarioReportCsvWriter implements HttpMessageWriter<ScenarioReport> {

	static final MediaType TEXT_CSV = new MediaType("text", "csv");

	@Override
	public List<MediaType> getWritableMediaTypes() {
		return List.of(TEXT_CSV);
	}

	@Override
	public boolean canWrite(ResolvableType elementType, @Nullable MediaType mediaType) {
		return ScenarioReport.class.isAssignableFrom(elementType.toClass()) && mediaType != null
				&& TEXT_CSV.isCompatibleWith(mediaType) && !mediaType.isWildcardType();
	}

	@Override
	public Mono<Void> write(Publisher<? extends ScenarioReport> input, ResolvableType elementType,
			@Nullable MediaType mediaType, ReactiveHttpOutputMessage message, Map<String, Object> hints) {
		return Mono.from(input).flatMap((report) -> {
			byte[] csv = report.toCsv().getBytes(StandardCharsets.UTF_8);
			message.getHeaders().setContentLength(csv.length);
			return message.writeWith(Mono.just(message.bufferFactory().wrap(csv)));
		});
	}

}
