package dev.stackplan.local;

/**
 * HTTP ports of the four services; 0 picks a free one.
 *
 * @param gateway the public entry
 * @param gatewayManagement the gateway's actuator, off the public port
 * @param intake intake
 * @param scoring scoring
 * @param costing costing
 */
public record ServicePorts(int gateway, int gatewayManagement, int intake, int scoring, int costing) {

	public static ServicePorts random() {
		return new ServicePorts(0, 0, 0, 0, 0);
	}

}
