package dev.stackplan.gateway;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gateway settings.
 *
 * @param intakeUrl base URL of the intake service
 * @param intakeTimeout how long to wait for intake (which waits for the broker's
 * acknowledgement)
 * @param storeTimeout how long a listener waits for the read model
 */
@ConfigurationProperties("stackplan.gateway")
public record GatewayProperties(@DefaultValue("http://127.0.0.1:8081") URI intakeUrl,
		@DefaultValue("20s") Duration intakeTimeout, @DefaultValue("10s") Duration storeTimeout) {

}
