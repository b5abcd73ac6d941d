/**
 * Remote attestation, shaped like Intel SGX DCAP with ECDSA quotes v3.
 * <ul>
 * <li>Inside the attesting enclave, {@link io.teemate.enclave.attest.ReportDataBinding} makes an EREPORT for the
 *     quoting enclave whose REPORTDATA binds the container's identity and the verifier's nonce.</li>
 * <li>{@link io.teemate.enclave.attest.QuotingEnclave} (an enclave program) checks that REPORT with its REPORT key and
 *     signs it into a {@link io.teemate.enclave.attest.Quote} (layout of sgx_quote_3.h in
 *     intel/SGXDataCenterAttestationPrimitives) with its attestation key, which its QE report, signed by its PCK key,
 *     vouches for.</li>
 * <li>{@link io.teemate.enclave.attest.PlatformPki} plays Intel's PCS for one emulated platform: root CA, platform CA,
 *     PCK certificates.</li>
 * <li>{@link io.teemate.enclave.attest.QuoteVerifier} checks a quote against a trusted root and
 *     {@link io.teemate.enclave.attest.Expectations} and explains each check ({@code teemate attest verify}).</li>
 * </ul>
 * Loading the QE is the host's job; this package only provides its layout, SIGSTRUCT and TARGETINFO helpers.
 */
package io.teemate.enclave.attest;
