package dev.stackplan.kit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaAdmin;

/**
 * Admin clients for looks at the broker that must answer in time: on the application's
 * broker settings, with every request bounded, so a broker that is away makes a look fail
 * instead of hang.
 */
final class BoundedAdmins {

	private BoundedAdmins() {
	}

	/**
	 * @param kafkaAdmin the application's admin, for its broker settings
	 * @param timeout the bound of every request
	 * @param clientId names the client in the broker's logs and metrics; null keeps the
	 * default
	 */
	static Admin create(KafkaAdmin kafkaAdmin, Duration timeout, @Nullable String clientId) {
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		int timeoutMs = (int) timeout.toMillis();
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
		if (clientId != null) {
			config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
		}
		return Admin.create(config);
	}

}
