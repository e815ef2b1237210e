package org.irqlab.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** dmesg-like message sink of one simulation. Messages carry no timestamps; order is what matters. */
public final class KernelLog {
    private final List<KernelMessage> lines = new ArrayList<>();

    void print(KernelMessage.Kind kind, String line) {
        lines.add(KernelMessage.of(kind, line));
    }

    void print(KernelMessage.Kind kind, int irq, String line) {
        lines.add(new KernelMessage(kind, irq, line));
    }

    /** Number of lines so far; a mark for {@link #since(int)}. */
    int mark() {
        return lines.size();
    }

    List<KernelMessage> since(int mark) {
        return List.copyOf(lines.subList(mark, lines.size()));
    }

    public List<KernelMessage> lines() {
        return Collections.unmodifiableList(lines);
    }

    KernelLog copy() {
        KernelLog l = new KernelLog();
        l.lines.addAll(lines);
        return l;
    }
}
