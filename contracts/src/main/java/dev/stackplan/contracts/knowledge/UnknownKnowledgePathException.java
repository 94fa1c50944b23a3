package dev.stackplan.contracts.knowledge;

/** An override names a path the knowledge base does not have. */
public class UnknownKnowledgePathException extends IllegalArgumentException {

	private final String path;

	public UnknownKnowledgePathException(String path, String reason) {
		super(reason + ": " + path);
		this.path = path;
	}

	/** JSON pointer of the offending path. */
	public String path() {
		return this.path;
	}

}
