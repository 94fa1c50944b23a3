package dev.stackplan.contracts.knowledge;

/**
 * A knowledge document the platform cannot use: it breaks its schema, cites a source that
 * is malformed or undeclared, or names an id that does not exist. The same type for every
 * document and every reader, so a caller learns what and where without parsing a message.
 */
public class InvalidKnowledgeException extends IllegalArgumentException {

	private final String document;

	private final String pointer;

	private final String problem;

	/**
	 * @param document the document as its reader names it, e.g. {@code cost document}
	 * @param pointer JSON pointer of the fault inside the document; empty for the whole
	 * document
	 * @param problem what is wrong there
	 */
	public InvalidKnowledgeException(String document, String pointer, String problem) {
		super("Invalid " + document + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + problem);
		this.document = document;
		this.pointer = pointer.isEmpty() ? "/" : pointer;
		this.problem = problem;
	}

	/**
	 * The document, e.g. {@code cost document} or
	 * {@code decision pack 'django-vs-fastapi'}.
	 */
	public String document() {
		return this.document;
	}

	/** JSON pointer of the fault, {@code /} for the whole document. */
	public String pointer() {
		return this.pointer;
	}

	/** What is wrong at {@link #pointer()}. */
	public String problem() {
		return this.problem;
	}

}
