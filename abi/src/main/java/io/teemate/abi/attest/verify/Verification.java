package io.teemate.abi.attest.verify;

import io.teemate.abi.attest.Quote;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link QuoteVerifier#verify}: every check that ran, in order, each with a sentence saying what was
 * found. {@code ok} is true only if all passed. {@code quote} is null when the bytes could not be parsed.
 */
public record Verification(boolean ok, List<CheckResult> checks, Quote quote) {
    public Verification {
        checks = List.copyOf(checks);
    }

    /** Builds the result; ok = every check passed (and there is at least one). */
    static Verification of(List<CheckResult> checks, Quote quote) {
        return new Verification(!checks.isEmpty() && checks.stream().allMatch(CheckResult::passed), checks, quote);
    }

    /** The checks a verifier runs, in the order it runs them. */
    public enum Check {
        PARSE("quote format"),
        PCK_CERT_CHAIN("PCK certificate chain"),
        QE_REPORT_SIGNATURE("QE report signature"),
        QE_REPORT_DATA("QE report data"),
        QE_IDENTITY("QE identity"),
        QUOTE_SIGNATURE("quote signature"),
        MRENCLAVE("MRENCLAVE"),
        MRSIGNER("MRSIGNER"),
        ISVSVN("ISVSVN"),
        REPORT_DATA("REPORTDATA"),
        DEBUG("DEBUG attribute");

        private final String title;

        Check(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public record CheckResult(Check check, boolean passed, String explanation) {
        public CheckResult {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(explanation, "explanation");
        }

        @Override
        public String toString() {
            return (passed ? "PASS " : "FAIL ") + check.title() + ": " + explanation;
        }
    }

    public List<CheckResult> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** The result of {@code check}, or null if it did not run. */
    public CheckResult result(Check check) {
        return checks.stream().filter(c -> c.check() == check).findFirst().orElse(null);
    }

    /** One line per check, then the verdict: what {@code teemate attest verify} prints. */
    public String explain() {
        StringBuilder b = new StringBuilder();
        for (CheckResult c : checks) {
            b.append(c).append('\n');
        }
        int failed = failures().size();
        b.append(
                        ok
                                ? "quote verified: all " + checks.size() + " checks passed"
                                : "quote REJECTED: " + failed + " of " + checks.size() + " checks failed")
                .append('\n');
        return b.toString();
    }
}
