package io.teemate.sgx;

import io.teemate.sgx.cost.CostModel;
import io.teemate.sgx.cost.InstructionCounters;
import io.teemate.sgx.program.ProgramRegistry;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One emulated SGX platform: its EPC and EPCM, ordinary memory, logical processors, fuse keys and cost
 * model. Several machines can live in one JVM and share nothing: a key or report from one does not verify
 * on another.
 */
public final class Machine {
    /**
     * CPUSVN of this emulated part (REPORT.CPUSVN, KEYREQUEST.CPUSVN; SDM Vol.3D "Enclave Access Control and Data
     * Structures"); constant, there are no microcode updates.
     */
    static final byte[] CPU_SVN = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final Epc epc;
    private final Epcm epcm;
    private final Dram dram = new Dram();
    private final List<LogicalProcessor> processors;
    private final CostModel costModel;
    private final FuseKeys fuses;
    private final PageCrypto pageCrypto;
    /**
     * Hidden SECS state of enclaves whose SECS page EWB wrote out, by the version it was written with. On real
     * parts these fields travel inside the encrypted SECS page; ELDU of that exact version brings them back.
     */
    final Map<Long, SecsState> evictedSecs = new ConcurrentHashMap<>();
    /** Serializes VA slot reads and writes between EWB and ELDB/ELDU on different processors. */
    final Object vaSlotLock = new Object();

    private final ProgramRegistry programs = new ProgramRegistry();
    private final AtomicLong nextEid = new AtomicLong(1);
    /** Whether the logical processors keep a software TLB ({@link Builder#softwareTlb}). */
    private final boolean softwareTlb;
    /** CR_REPORT_KEYID: chosen at each power-on (SDM Vol.3D EREPORT). */
    private final byte[] reportKeyId = new byte[32];

    private Machine(Builder b) {
        this.costModel = b.costModel;
        this.softwareTlb = b.softwareTlb;
        this.epc = new Epc(b.epcBytes);
        this.epcm = new Epcm(epc.frameCount());
        this.fuses = b.seed == null ? FuseKeys.random() : FuseKeys.fromSeed(b.seed);
        this.pageCrypto = b.seed == null ? PageCrypto.random() : PageCrypto.fromSeed(b.seed);
        if (b.seed == null) {
            new SecureRandom().nextBytes(reportKeyId);
        } else {
            System.arraycopy(FuseKeys.expand(b.seed, "report key id"), 0, reportKeyId, 0, 16);
        }
        List<LogicalProcessor> lps = new ArrayList<>();
        for (int i = 0; i < b.logicalProcessors; i++) {
            lps.add(new LogicalProcessor(this, i));
        }
        this.processors = Collections.unmodifiableList(lps);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Epc epc() {
        return epc;
    }

    public Epcm epcm() {
        return epcm;
    }

    public Dram dram() {
        return dram;
    }

    public CostModel costModel() {
        return costModel;
    }

    public ProgramRegistry programs() {
        return programs;
    }

    public List<LogicalProcessor> processors() {
        return processors;
    }

    public LogicalProcessor processor(int id) {
        return processors.get(id);
    }

    /** Every processor's counters summed: the modeled cost of everything this machine ran so far. */
    public InstructionCounters.Snapshot counters() {
        List<InstructionCounters> all = new ArrayList<>();
        for (LogicalProcessor lp : processors) {
            all.add(lp.counters());
        }
        return InstructionCounters.sum(all, costModel);
    }

    /** The emulator-only debugger view of hidden state (see {@link HardwareProbe}). */
    public HardwareProbe probe() {
        return new HardwareProbe(this);
    }

    boolean softwareTlb() {
        return softwareTlb;
    }

    FuseKeys fuses() {
        return fuses;
    }

    PageCrypto pageCrypto() {
        return pageCrypto;
    }

    byte[] reportKeyId() {
        return reportKeyId;
    }

    long nextEid() {
        return nextEid.getAndIncrement();
    }

    /** The enclave whose SECS is at {@code secsPage}; #PF-worthy checks are the caller's. */
    SecsState secsAt(long secsPage) {
        EpcmEntry e = epcm.get(epc.frameOf(secsPage));
        return e.valid() && e.type() == io.teemate.sgx.struct.PageType.SECS ? e.enclave() : null;
    }

    public static final class Builder {
        private long epcBytes = 128L << 20;
        private int logicalProcessors = 4;
        private Long seed;
        private CostModel costModel = CostModel.published();
        private boolean softwareTlb = true;

        /** EPC size in bytes (default 128 MiB). */
        public Builder epcBytes(long bytes) {
            this.epcBytes = bytes;
            return this;
        }

        public Builder epcMiB(long mib) {
            return epcBytes(mib << 20);
        }

        public Builder logicalProcessors(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("a machine needs at least one logical processor, got " + n);
            }
            this.logicalProcessors = n;
            return this;
        }

        /** Derive fuse keys, the report key id and the paging key from {@code seed} instead of at random. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Whether the logical processors cache translations in their software TLB (default true). Without it every
         * access walks the page table and checks the EPCM again: slower, never different in outcome, since the
         * emulator flushes its TLB wherever hardware must flush (SDM Vol.3A 4.10.4): for measuring what it saves.
         */
        public Builder softwareTlb(boolean enabled) {
            this.softwareTlb = enabled;
            return this;
        }

        /** Prices modeled time as {@code platform} would (its cost model; the EPC size stays this builder's). */
        public Builder platform(io.teemate.sgx.cost.PlatformProfile platform) {
            return costModel(platform.costModel());
        }

        public Builder costModel(CostModel model) {
            this.costModel = java.util.Objects.requireNonNull(model);
            return this;
        }

        public Machine build() {
            return new Machine(this);
        }
    }
}
