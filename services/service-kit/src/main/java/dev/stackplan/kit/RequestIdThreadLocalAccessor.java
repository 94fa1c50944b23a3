package dev.stackplan.kit;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * The request id of the Reactor context ({@link RequestIdFilter} writes it) as the MDC
 * value of the same name: with {@code spring.reactor.context-propagation=auto} Reactor
 * sets it on whatever thread runs the request's work and clears it after, so every log
 * line of the request names it. Found by the context registry through
 * {@code META-INF/services}.
 */
public class RequestIdThreadLocalAccessor implements ThreadLocalAccessor<String> {

	@Override
	public Object key() {
		return RequestIdFilter.ATTRIBUTE;
	}

	@Override
	public String getValue() {
		return MDC.get(RequestIdFilter.ATTRIBUTE);
	}

	@Override
	public void setValue(String value) {
		MDC.put(RequestIdFilter.ATTRIBUTE, value);
	}

	@Override
	public void setValue() {
		MDC.remove(RequestIdFilter.ATTRIBUTE);
	}

}
