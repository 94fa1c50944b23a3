package dev.stackplan.costing.plan;

import java.util.List;

/**
 * The stack options of the framework pack, in pack order.
 *
 * @param ids option ids, e.g. DJANGO, FASTAPI, HYBRID
 */
public record StackOptions(List<String> ids) {

	public StackOptions {
		ids = List.copyOf(ids);
	}

}
