package org.irqlab.dsl.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** dmesg-like message sink of one simulation. Messages carry no timestamps; order is what matters. */
public final class KernelLog {
    private final List<String> lines = new ArrayList<>();

    void info(String line) {
        lines.add(line);
    }

    void warn(String line) {
        lines.add(line);
    }

    void err(String line) {
        lines.add(line);
    }

    /** Number of lines so far; a mark for {@link #since(int)}. */
    int mark() {
        return lines.size();
    }

    List<String> since(int mark) {
        return List.copyOf(lines.subList(mark, lines.size()));
    }

    public List<String> lines() {
        return Collections.unmodifiableList(lines);
    }

    KernelLog copy() {
        KernelLog l = new KernelLog();
        l.lines.addAll(lines);
        return l;
    }
}
