package org.irqlab.kernel;

/**
 * Word-level helpers over {@code long[]} bitmaps, the representation used for every cpumask and vector
 * map in the simulator. Kept allocation free so the hot matrix loops stay tight.
 */
final class Bits {
    private Bits() {
    }

    static int words(int bits) {
        return (bits + 63) >>> 6;
    }

    static boolean test(long[] map, int bit) {
        return (map[bit >>> 6] & (1L << bit)) != 0;
    }

    static void set(long[] map, int bit) {
        map[bit >>> 6] |= 1L << bit;
    }

    static void clear(long[] map, int bit) {
        map[bit >>> 6] &= ~(1L << bit);
    }

    /** Next set bit at or after {@code from}, or -1. */
    static int next(long[] map, int from) {
        int w = from >>> 6;
        if (w >= map.length) {
            return -1;
        }
        long word = map[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == map.length) {
                return -1;
            }
            word = map[w];
        }
    }

    static int first(long[] map) {
        return next(map, 0);
    }

    static int weight(long[] map) {
        int n = 0;
        for (long w : map) {
            n += Long.bitCount(w);
        }
        return n;
    }

    static boolean isEmpty(long[] map) {
        for (long w : map) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    static boolean intersects(long[] a, long[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if ((a[i] & b[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    static boolean subset(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            long bw = i < b.length ? b[i] : 0;
            if ((a[i] & ~bw) != 0) {
                return false;
            }
        }
        return true;
    }

    static long[] and(long[] a, long[] b) {
        long[] r = new long[a.length];
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            r[i] = a[i] & b[i];
        }
        return r;
    }

    static long[] andNot(long[] a, long[] b) {
        long[] r = a.clone();
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            r[i] &= ~b[i];
        }
        return r;
    }

    static void orInto(long[] dst, long[] src) {
        int n = Math.min(dst.length, src.length);
        for (int i = 0; i < n; i++) {
            dst[i] |= src[i];
        }
    }

    /** Formats a bitmap the way the kernel's {@code %*pbl} does: "0-3,8,10-11" ("" when empty). */
    static String toList(long[] map, int nbits) {
        StringBuilder sb = new StringBuilder();
        int bit = next(map, 0);
        while (bit >= 0 && bit < nbits) {
            int end = bit;
            int nxt = next(map, bit + 1);
            while (nxt == end + 1 && nxt < nbits) {
                end = nxt;
                nxt = next(map, nxt + 1);
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(bit);
            if (end > bit) {
                sb.append('-').append(end);
            }
            bit = nxt;
        }
        return sb.toString();
    }
}
