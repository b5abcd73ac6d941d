package io.teemate.sgx.cost;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real SGX part the modeled clock predicts: its clock, cores and usable EPC, and the cycles of every SGX leaf and
 * {@link SystemCost} on its microarchitecture. Parts of one family share their cycle figures and differ in clock and
 * size, so a figure measured on one (the SDK's enclave builds on a Gold 5315Y, ECALLs on an i9-9900K) checks the
 * model of its sister (the paper's Gold 6348, an E-2276G). Every figure, its source or the assumption behind it, and
 * which figures were fitted to which measurement: docs/cost-model.md and docs/calibration.md.
 */
public enum PlatformProfile {
    /** The paper's machine: 3rd-generation Xeon Scalable, SGX2, TME-based memory encryption without an integrity tree. */
    GOLD_6348("gold-6348", "Xeon Gold 6348 (Ice Lake SP, SGX2)", Family.ICE_LAKE_SP, 2.6, 28, 64L << 30),
    /** Ice Lake SP's sister SKU on which the SGX SDK's enclave builds were measured (VXAPPS/sgx-benchmark). */
    GOLD_5315Y("gold-5315y", "Xeon Gold 5315Y (Ice Lake SP, SGX2)", Family.ICE_LAKE_SP, 3.2, 8, 65_144L << 20),
    /** An SGX1 entry-server part: the memory-encryption engine with its integrity tree, and 93 MiB of usable EPC. */
    E_2276G("e-2276g", "Xeon E-2276G (Coffee Lake, SGX1)", Family.COFFEE_LAKE, 3.8, 6, 93L << 20),
    /** The SGX1 client part on which ECALL and OCALL round trips were measured (mesalock-linux/rust-sgx-benchmark). */
    I9_9900K("i9-9900k", "Core i9-9900K (Coffee Lake, SGX1)", Family.COFFEE_LAKE, 3.6, 8, 93L << 20);

    /** What {@code --platform} means when it is not given: the paper's machine. */
    public static final PlatformProfile DEFAULT = GOLD_6348;

    private final String id;
    private final String description;
    private final Family family;
    private final double gigahertz;
    private final int cores;
    private final long epcBytes;

    PlatformProfile(String id, String description, Family family, double gigahertz, int cores, long epcBytes) {
        this.id = id;
        this.description = description;
        this.family = family;
        this.gigahertz = gigahertz;
        this.cores = cores;
        this.epcBytes = epcBytes;
    }

    /** The name {@code --platform} takes, e.g. {@code gold-6348}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Family family() {
        return family;
    }

    /** Base clock: the TSC rate the sources' cycle counts were taken at. */
    public double gigahertz() {
        return gigahertz;
    }

    public int cores() {
        return cores;
    }

    /** The EPC an enclave can use on this part (CPUID leaf 12H sub-leaf 2 on the measured machines). */
    public long epcBytes() {
        return epcBytes;
    }

    public CostModel costModel() {
        return CostModel.of(this, family.leaves(), family.system(gigahertz), gigahertz);
    }

    /** The profile named {@code id}, or an error that lists the names there are. */
    public static PlatformProfile byId(String id) {
        for (PlatformProfile p : values()) {
            if (p.id.equalsIgnoreCase(id.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("no platform profile '" + id + "'; choose one of " + ids());
    }

    /** Every profile's name, comma-separated, for help texts and errors. */
    public static String ids() {
        return Arrays.stream(values()).map(PlatformProfile::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }

    /** Parts that share a microarchitecture, so the same cycles per leaf and per kernel path. */
    public enum Family {
        ICE_LAKE_SP,
        COFFEE_LAKE;

        /** Cycles per leaf. Sources and assumptions: docs/cost-model.md, "Per-leaf figures". */
        Map<SgxLeaf, Long> leaves() {
            Map<SgxLeaf, Long> m = new EnumMap<>(SgxLeaf.class);
            boolean mee = this == COFFEE_LAKE;
            m.put(SgxLeaf.ECREATE, 6_000L);
            // EADD: fitted per family to the SDK's enclave builds of unmeasured heap pages (docs/calibration.md).
            m.put(SgxLeaf.EADD, mee ? 19_700L : 6_000L);
            m.put(SgxLeaf.EEXTEND, 4_500L);
            m.put(SgxLeaf.EINIT, 50_000L);
            m.put(SgxLeaf.EREMOVE, 5_500L);
            // EENTER + EEXIT: fitted to an empty ECALL's round trip on an i9-9900K (docs/calibration.md).
            m.put(SgxLeaf.EENTER, 4_175L);
            m.put(SgxLeaf.EEXIT, 4_175L);
            m.put(SgxLeaf.AEX, 4_000L);
            m.put(SgxLeaf.ERESUME, 4_000L);
            m.put(SgxLeaf.EREPORT, 4_000L);
            m.put(SgxLeaf.EGETKEY, 4_000L);
            m.put(SgxLeaf.EPA, 6_000L);
            m.put(SgxLeaf.EBLOCK, 2_000L);
            m.put(SgxLeaf.ETRACK, 2_000L);
            m.put(SgxLeaf.EWB, 20_000L);
            m.put(SgxLeaf.ELDU, 20_000L);
            m.put(SgxLeaf.ELDB, 20_000L);
            m.put(SgxLeaf.EAUG, 6_000L);
            m.put(SgxLeaf.EACCEPT, 2_000L);
            m.put(SgxLeaf.EACCEPTCOPY, 4_000L);
            m.put(SgxLeaf.EMODPR, 2_000L);
            m.put(SgxLeaf.EMODT, 2_000L);
            m.put(SgxLeaf.EMODPE, 1_000L);
            return m;
        }

        /**
         * Cycles per system cost at {@code ghz}: figures published as cycles stay cycles; figures published as time on
         * another machine are that time at this clock. Sources: docs/cost-model.md, "System costs".
         */
        Map<SystemCost, Long> system(double ghz) {
            Map<SystemCost, Long> m = new EnumMap<>(SystemCost.class);
            boolean mee = this == COFFEE_LAKE;
            m.put(SystemCost.SYSCALL, 210L);
            m.put(SystemCost.PAGE_FAULT, cycles(2_000, ghz));
            m.put(SystemCost.PTE_MAP, 80L);
            // Fitted to the SDK's enclave builds: the slope per heap page on a Gold 5315Y; beyond the EPC on an
            // E-2276G.
            m.put(SystemCost.DRIVER_PAGE_ADD, 10_900L);
            m.put(SystemCost.RECLAIM_PAGE, 25_100L);
            m.put(SystemCost.CONTEXT_SWITCH, cycles(1_020, ghz));
            m.put(SystemCost.IPI, cycles(1_000, ghz));
            m.put(SystemCost.PROCESS_CREATE, cycles(328_900, ghz));
            m.put(SystemCost.PROCESS_FORK, cycles(98_200, ghz));
            m.put(SystemCost.CONTAINER_CREATE, cycles(9_000_000, ghz));
            m.put(SystemCost.EPC_PAGE_MISS, mee ? 1_000L : 100L);
            // Measured: QuickJS built natively with the same count, five SunSpider kernels (quickjs/bytecode-cost.sh).
            m.put(SystemCost.JS_BYTECODE, 14L);
            // Measured: redis-server 7.0's GET and SET under redis-benchmark -P 64 here (scripts/kv-command-cost.sh).
            m.put(SystemCost.KV_READ, 1_200L);
            m.put(SystemCost.KV_WRITE, 1_750L);
            return m;
        }

        private static long cycles(double nanos, double ghz) {
            return Math.round(nanos * ghz);
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
