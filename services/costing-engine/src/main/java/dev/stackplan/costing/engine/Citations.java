package dev.stackplan.costing.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stackplan.contracts.event.SourcedText;

/**
 * The sources one computation rested on, so that an estimate names every assumption and
 * reference behind its figures and no others.
 */
final class Citations {

	private final Set<String> sources = new LinkedHashSet<>();

	Citations cite(String source) {
		this.sources.add(source);
		return this;
	}

	Citations citeAll(Citations other) {
		this.sources.addAll(other.sources);
		return this;
	}

	/** The cited assumptions, then the cited references, each in document order. */
	List<SourcedText> declaredIn(CostDocument document) {
		List<SourcedText> declared = new ArrayList<>();
		for (Map.Entry<String, SourcedText> entry : document.declared().entrySet()) {
			if (this.sources.contains(entry.getKey())) {
				declared.add(entry.getValue());
			}
		}
		return declared;
	}

}
