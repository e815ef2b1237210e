package org.irqlab.kernel;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Immutable set of CPU numbers (a cpumask). Parses and prints the kernel's cpulist syntax ("0-3,8").
 * Instances returned by the simulator may be shared between many vectors; they never change.
 */
public final class CpuSet {
    private static final CpuSet EMPTY = new CpuSet(new long[0]);

    private final long[] words;
    private final int hash;

    private CpuSet(long[] words) {
        this.words = trim(words);
        this.hash = Arrays.hashCode(this.words);
    }

    private static long[] trim(long[] w) {
        int n = w.length;
        while (n > 0 && w[n - 1] == 0) {
            n--;
        }
        return n == w.length ? w : Arrays.copyOf(w, n);
    }

    public static CpuSet empty() {
        return EMPTY;
    }

    public static CpuSet of(int... cpus) {
        int max = -1;
        for (int c : cpus) {
            if (c < 0) {
                throw new IllegalArgumentException("negative cpu " + c);
            }
            max = Math.max(max, c);
        }
        long[] w = new long[Bits.words(max + 1)];
        for (int c : cpus) {
            Bits.set(w, c);
        }
        return new CpuSet(w);
    }

    /** CPUs from {@code first} to {@code last}, inclusive. */
    public static CpuSet range(int first, int last) {
        if (last < first) {
            return EMPTY;
        }
        long[] w = new long[Bits.words(last + 1)];
        for (int c = first; c <= last; c++) {
            Bits.set(w, c);
        }
        return new CpuSet(w);
    }

    /** Parses a cpulist such as "0-3,8,10-11" (whitespace ignored, empty string is the empty set). */
    public static CpuSet parse(String list) {
        String s = list.replaceAll("\\s+", "");
        if (s.isEmpty()) {
            return EMPTY;
        }
        long[] w = new long[0];
        for (String part : s.split(",")) {
            int dash = part.indexOf('-');
            int a = cpuNumber(dash < 0 ? part : part.substring(0, dash), part);
            int b = dash < 0 ? a : cpuNumber(part.substring(dash + 1), part);
            if (b < a) {
                throw new IllegalArgumentException("bad cpulist element '" + part + "'");
            }
            if (Bits.words(b + 1) > w.length) {
                w = Arrays.copyOf(w, Bits.words(b + 1));
            }
            for (int c = a; c <= b; c++) {
                Bits.set(w, c);
            }
        }
        return new CpuSet(w);
    }

    /** The largest CPU number a cpulist may name. */
    public static final int MAX_CPU = MachineSpec.MAX_CPUS - 1;

    private static int cpuNumber(String text, String part) {
        try {
            int cpu = Integer.parseInt(text);
            if (cpu >= 0 && cpu <= MAX_CPU) {
                return cpu;
            }
        } catch (NumberFormatException e) {
            // reported below with the element it came from
        }
        throw new IllegalArgumentException("bad cpulist element '" + part + "': CPUs are 0 to " + MAX_CPU);
    }

    static CpuSet ofWords(long[] words) {
        return new CpuSet(words.clone());
    }

    /** Wraps without copying: the caller hands over ownership of {@code words}. */
    static CpuSet adopt(long[] words) {
        return new CpuSet(words);
    }

    /** Copy of the words, padded to {@code nwords}. */
    long[] toWords(int nwords) {
        return Arrays.copyOf(words, Math.max(nwords, words.length));
    }

    /** The backing words; callers must not modify them. */
    long[] words() {
        return words;
    }

    public boolean contains(int cpu) {
        return cpu >= 0 && (cpu >>> 6) < words.length && Bits.test(words, cpu);
    }

    public int size() {
        return Bits.weight(words);
    }

    public boolean isEmpty() {
        return words.length == 0;
    }

    public int first() {
        return Bits.first(words);
    }

    /** Next member at or after {@code from}, or -1. */
    public int next(int from) {
        return Bits.next(words, from);
    }

    public CpuSet and(CpuSet other) {
        return new CpuSet(Bits.and(words, other.words));
    }

    public CpuSet or(CpuSet other) {
        long[] w = Arrays.copyOf(words, Math.max(words.length, other.words.length));
        Bits.orInto(w, other.words);
        return new CpuSet(w);
    }

    public CpuSet andNot(CpuSet other) {
        return new CpuSet(Bits.andNot(words, other.words));
    }

    public boolean intersects(CpuSet other) {
        return Bits.intersects(words, other.words);
    }

    public boolean isSubsetOf(CpuSet other) {
        return Bits.subset(words, other.words);
    }

    public IntStream stream() {
        return IntStream.iterate(first(), c -> c >= 0, c -> next(c + 1));
    }

    public int[] toArray() {
        return stream().toArray();
    }

    /** The kernel's cpulist form, as in /proc/irq/N/smp_affinity_list. */
    public String toList() {
        return Bits.toList(words, Integer.MAX_VALUE);
    }

    /** The hex mask form of /proc/irq/N/smp_affinity for {@code nrCpuIds} CPUs ("ffff,ffffffff,ffffffff"). */
    public String toHexMask(int nrCpuIds) {
        int nchunks = Math.max(1, (nrCpuIds + 31) / 32);
        StringBuilder sb = new StringBuilder();
        for (int chunk = nchunks - 1; chunk >= 0; chunk--) {
            long v = 0;
            for (int b = 0; b < 32; b++) {
                int cpu = chunk * 32 + b;
                if (cpu < nrCpuIds && contains(cpu)) {
                    v |= 1L << b;
                }
            }
            String hex = Long.toHexString(v);
            if (chunk == nchunks - 1) {
                int topBits = nrCpuIds - chunk * 32;
                int digits = Math.max(1, (topBits + 3) / 4);
                sb.append("0".repeat(Math.max(0, digits - hex.length()))).append(hex);
            } else {
                sb.append(',').append("0".repeat(8 - hex.length())).append(hex);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet other && hash == other.hash && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return toList();
    }
}
