package io.teemate.abi.attest.verify;

import io.teemate.abi.attest.ReportDataBinding;
import io.teemate.sgx.struct.ReportBody;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a verifier expects of a quote: the platform root it trusts, the quoting enclave it accepts
 * ({@link QeIdentity}) and the enclave it expects to talk to. A null
 * MRENCLAVE, MRSIGNER or minimum ISVSVN is not checked, and {@link QuoteVerifier} says so in its result; the
 * root is always required. Build one with {@link #trusting}.
 */
public record Expectations(
        X509Certificate trustedRoot,
        byte[] mrEnclave,
        byte[] mrSigner,
        ReportDataExpectation reportData,
        Integer minIsvSvn,
        boolean allowDebug,
        Instant at,
        QeIdentity qeIdentity) {
    public Expectations {
        Objects.requireNonNull(trustedRoot, "trusted root certificate");
        Objects.requireNonNull(qeIdentity, "QE identity (QeIdentity.teemate() for this project's QE)");
        mrEnclave = measurement("MRENCLAVE", mrEnclave);
        mrSigner = measurement("MRSIGNER", mrSigner);
        Objects.requireNonNull(reportData, "report data expectation (use ReportDataExpectation.any() for none)");
        if (minIsvSvn != null && (minIsvSvn < 0 || minIsvSvn > 0xFFFF)) {
            throw new IllegalArgumentException("minimum ISVSVN " + minIsvSvn + " is not a u16");
        }
        Objects.requireNonNull(at, "verification time");
    }

    private static byte[] measurement(String what, byte[] value) {
        if (value == null) {
            return null;
        }
        if (value.length != 32) {
            throw new IllegalArgumentException("expected " + what + " must be 32 bytes, got " + value.length);
        }
        return value.clone();
    }

    @Override
    public byte[] mrEnclave() {
        return mrEnclave == null ? null : mrEnclave.clone();
    }

    @Override
    public byte[] mrSigner() {
        return mrSigner == null ? null : mrSigner.clone();
    }

    /** Expectations that trust {@code root}; nothing else is expected until set; time = now; DEBUG not allowed. */
    public static Builder trusting(X509Certificate root) {
        return new Builder(root);
    }

    /** What the attesting enclave's REPORTDATA must be. */
    public sealed interface ReportDataExpectation {
        /** Any REPORTDATA (the check reports that it was not checked). */
        static ReportDataExpectation any() {
            return new Any();
        }

        /** Exactly these 64 bytes. */
        static ReportDataExpectation exactly(byte[] reportData) {
            return new Exact(reportData);
        }

        /** {@link ReportDataBinding}: this container identity and this nonce. */
        static ReportDataExpectation binding(byte[] containerIdentity, byte[] nonce) {
            return new ContainerBinding(containerIdentity, nonce);
        }

        /** Whatever {@code predicate} accepts; {@code description} says what it expects, for the explanation. */
        static ReportDataExpectation matching(String description, Predicate<byte[]> predicate) {
            return new Matching(description, predicate);
        }
    }

    public record Any() implements ReportDataExpectation {}

    public record Exact(byte[] reportData) implements ReportDataExpectation {
        public Exact {
            Objects.requireNonNull(reportData, "expected REPORTDATA");
            if (reportData.length != ReportBody.REPORTDATA_LENGTH) {
                throw new IllegalArgumentException("expected REPORTDATA must be 64 bytes, got " + reportData.length);
            }
            reportData = reportData.clone();
        }

        @Override
        public byte[] reportData() {
            return reportData.clone();
        }
    }

    public record ContainerBinding(byte[] containerIdentity, byte[] nonce) implements ReportDataExpectation {
        public ContainerBinding {
            Objects.requireNonNull(containerIdentity, "expected container identity");
            Objects.requireNonNull(nonce, "expected nonce");
            if (containerIdentity.length != ReportDataBinding.CONTAINER_IDENTITY_LENGTH) {
                throw new IllegalArgumentException(
                        "expected container identity must be 32 bytes, got " + containerIdentity.length);
            }
            containerIdentity = containerIdentity.clone();
            nonce = nonce.clone();
        }

        @Override
        public byte[] containerIdentity() {
            return containerIdentity.clone();
        }

        @Override
        public byte[] nonce() {
            return nonce.clone();
        }
    }

    public record Matching(String description, Predicate<byte[]> predicate) implements ReportDataExpectation {
        public Matching {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(predicate, "predicate");
        }
    }

    public static final class Builder {
        private final X509Certificate root;
        private byte[] mrEnclave;
        private byte[] mrSigner;
        private ReportDataExpectation reportData = ReportDataExpectation.any();
        private Integer minIsvSvn;
        private boolean allowDebug;
        private Instant at;
        private QeIdentity qeIdentity = QeIdentity.teemate();

        private Builder(X509Certificate root) {
            this.root = root;
        }

        public Builder mrEnclave(byte[] value) {
            this.mrEnclave = value;
            return this;
        }

        public Builder mrSigner(byte[] value) {
            this.mrSigner = value;
            return this;
        }

        public Builder reportData(ReportDataExpectation value) {
            this.reportData = value;
            return this;
        }

        /** Shorthand for {@link ReportDataExpectation#binding}. */
        public Builder containerBinding(byte[] containerIdentity, byte[] nonce) {
            return reportData(ReportDataExpectation.binding(containerIdentity, nonce));
        }

        public Builder minIsvSvn(int value) {
            this.minIsvSvn = value;
            return this;
        }

        public Builder allowDebug(boolean value) {
            this.allowDebug = value;
            return this;
        }

        /** The time certificates must be valid at (default: when {@link #build} runs). */
        public Builder at(Instant value) {
            this.at = value;
            return this;
        }

        /** The quoting enclave accepted (default {@link QeIdentity#teemate()}: this project's QE, any MRSIGNER). */
        public Builder qeIdentity(QeIdentity value) {
            this.qeIdentity = Objects.requireNonNull(value, "QE identity");
            return this;
        }

        public Expectations build() {
            return new Expectations(
                    root,
                    mrEnclave,
                    mrSigner,
                    reportData,
                    minIsvSvn,
                    allowDebug,
                    at != null ? at : Instant.now(),
                    qeIdentity);
        }
    }
}
