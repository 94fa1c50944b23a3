package dev.stackplan.contracts.event;

/**
 * A statement and where it comes from.
 *
 * @param text the statement
 * @param source {@code article:LINE}, {@code assumption:ID} or {@code reference:ID}
 */
public record SourcedText(String text, String source) {

}
