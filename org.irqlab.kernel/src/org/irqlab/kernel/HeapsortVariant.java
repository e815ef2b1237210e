package org.irqlab.kernel;

/**
 * The kernel's {@code sort()} (lib/sort.c) is an unstable heapsort, and group_cpus_evenly() sorts the
 * NUMA nodes with it by CPU count. For nodes with equal CPU counts the resulting order decides which node
 * gets the extra group and which node's CPUs land in the first queue mask, so each kernel generation's
 * variant is reproduced step by step.
 */
public enum HeapsortVariant {
    /** Classic two-compare sift-down heapsort, lib/sort.c before the 2019 rewrite (v5.1). */
    CLASSIC_PRE_5_1,
    /** Bottom-up heapsort (2019 rewrite), ties in the sift-down go to the left child; v5.1 until the 2024 change (KernelRule.SORT_DOUBLE_POP). */
    BOTTOM_UP_5_1,
    /**
     * Bottom-up heapsort with the 2024 changes: strict compare in the sift-down, two elements popped per
     * round, and the final two or three elements finished outside the loop (KernelRule.SORT_DOUBLE_POP; first release inferred as v6.10).
     */
    DOUBLE_POP_6_11;

    /** Comparator of alloc_nodes_groups(): ncpus difference computed in unsigned 32 bit, read as int. */
    interface IntCmp {
        int compare(int a, int b);
    }

    /**
     * The order in which group_cpus_evenly() visits nodes whose CPU counts are {@code ncpus} (index = node
     * id; -1 stands for the kernel's UINT_MAX "not in the mask"): this variant of the kernel's heapsort
     * with the kernel's comparator.
     */
    public int[] nodeOrder(int[] ncpus) {
        int[] order = new int[ncpus.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        sort(order, ncpus, (a, b) -> a - b);
        return order;
    }

    // mirrors sort() in lib/sort.c (element = index into keys[], compared through cmp)
    void sort(int[] items, int[] keys, IntCmp cmp) {
        switch (this) {
            case CLASSIC_PRE_5_1 -> classic(items, keys, cmp);
            case BOTTOM_UP_5_1 -> bottomUp(items, keys, cmp, false);
            case DOUBLE_POP_6_11 -> bottomUp(items, keys, cmp, true);
            default -> throw new IllegalStateException();
        }
    }

    private static int cmpAt(int[] items, int[] keys, IntCmp cmp, int i, int j) {
        return cmp.compare(keys[items[i]], keys[items[j]]);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    // mirrors the pre-v5.1 sort() of lib/sort.c: heapify then extract, sifting with two compares per level
    private static void classic(int[] a, int[] keys, IntCmp cmp) {
        int n = a.length;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftClassic(a, keys, cmp, i, n);
        }
        for (int i = n - 1; i > 0; i--) {
            swap(a, 0, i);
            siftClassic(a, keys, cmp, 0, i);
        }
    }

    private static void siftClassic(int[] a, int[] keys, IntCmp cmp, int r, int n) {
        for (int c; r * 2 + 1 < n; r = c) {
            c = r * 2 + 1;
            if (c < n - 1 && cmpAt(a, keys, cmp, c, c + 1) < 0) {
                c++;
            }
            if (cmpAt(a, keys, cmp, r, c) >= 0) {
                break;
            }
            swap(a, r, c);
        }
    }

    // mirrors the bottom-up sort_r() of lib/sort.c (both the 2019 and the 2024 form; indices not byte offsets)
    private static void bottomUp(int[] arr, int[] keys, IntCmp cmp, boolean doublePop) {
        int num = arr.length;
        int n = num;
        int a = num / 2;
        int shift = 0;
        if (a == 0) {
            return;
        }
        while (true) {
            if (a != 0) {
                a -= 1 << shift;
            } else if (!doublePop) {
                if (--n == 0) {
                    break;
                }
                swap(arr, 0, n);
            } else if (n > 3) {
                n--;
                swap(arr, 0, n);
                shift = cmpAt(arr, keys, cmp, 1, 2) <= 0 ? 1 : 0;
                a = 1 << shift;
                n--;
                swap(arr, a, n);
            } else {
                break;
            }
            int b = a;
            int c;
            int d;
            while (true) {
                c = 2 * b + 1;
                d = c + 1;
                if (d >= n) {
                    break;
                }
                int r = cmpAt(arr, keys, cmp, c, d);
                b = (doublePop ? r > 0 : r >= 0) ? c : d;
            }
            if (d == n) {
                b = c;
            }
            while (b != a && cmpAt(arr, keys, cmp, a, b) >= 0) {
                b = (b - 1) / 2;
            }
            c = b;
            while (b != a) {
                b = (b - 1) / 2;
                swap(arr, b, c);
            }
        }
        if (doublePop) {
            n--;
            swap(arr, 0, n);
            if (n == 2 && cmpAt(arr, keys, cmp, 0, 1) > 0) {
                swap(arr, 0, 1);
            }
        }
    }
}
