package org.irqlab.dsl.ide.quickfix;

/** Replace {@code length} characters at {@code offset} with {@code text}; offsets are into the text the fix was computed on. */
public record TextEdit(int offset, int length, String text) {
}
