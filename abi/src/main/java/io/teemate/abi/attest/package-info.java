/**
 * Remote attestation formats, shaped like Intel SGX DCAP with ECDSA quotes v3: what the quoting enclave writes and
 * whoever checks or forwards its output reads, so both sides compile against one definition.
 * <ul>
 * <li>{@link io.teemate.abi.attest.Quote} and its parts ({@link io.teemate.abi.attest.QuoteHeader},
 *     {@link io.teemate.abi.attest.QuoteSignatureData}, {@link io.teemate.abi.attest.CertificationData}): the layout
 *     of sgx_quote_3.h in intel/SGXDataCenterAttestationPrimitives, written by the QE, parsed by the verifier.</li>
 * <li>{@link io.teemate.abi.attest.PckCertificationRequest}: written by the QE, parsed by the host's quoting service
 *     and checked by the platform PKI.</li>
 * <li>{@link io.teemate.abi.attest.ReportDataBinding}: the REPORTDATA an attesting container's runtime writes
 *     (container identity and nonce digest), which the verifier checks.</li>
 * <li>{@link io.teemate.abi.attest.QuotingEnclaveAbi}: the QE's ecalls, status codes and auth data;
 *     {@link io.teemate.abi.attest.QuotingEnclaveImage}: its layout, SIGSTRUCT and identity, for its loader, its
 *     signer and the verifier.</li>
 * <li>{@link io.teemate.abi.attest.EcdsaP256} and {@link io.teemate.abi.attest.Pem}: the encodings of keys,
 *     signatures and certificate chains in those formats.</li>
 * </ul>
 * The quoting enclave itself is {@code io.teemate.enclave.attest.QuotingEnclave}; the relying party's verifier is
 * {@link io.teemate.abi.attest.verify}; the emulated Intel PKI is {@link io.teemate.abi.attest.pki}.
 */
package io.teemate.abi.attest;
