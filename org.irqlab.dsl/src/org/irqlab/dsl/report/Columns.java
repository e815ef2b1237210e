package org.irqlab.dsl.report;

/** Fixed-width columns for the text files IrqLab writes as the kernel would print them (printf's %Nd). */
public final class Columns {
    private Columns() {
    }

    /** The value right-aligned in {@code width} characters, like printf's {@code %<width>d}. */
    public static String right(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : " ".repeat(width - digits.length()) + digits;
    }

    /** Two hex digits for each byte of the flags word, as the kernel's {@code 0x%08x}. */
    public static String hex8(int value) {
        String digits = Integer.toHexString(value);
        return "0".repeat(Math.max(0, 8 - digits.length())) + digits;
    }
}
