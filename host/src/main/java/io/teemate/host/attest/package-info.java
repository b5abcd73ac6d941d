/**
 * The host's half of remote attestation: {@link io.teemate.host.attest.QuotingService}, the platform's quoting stack
 * (what the DCAP quote provider library and its quoting enclave are on a real SGX host). It reaches the quoting
 * enclave only through EENTER, with the ecalls, formats and layout of {@code io.teemate.abi.attest}; the quoting
 * enclave's program is {@code io.teemate.enclave.attest}, the emulated Intel PKI {@code io.teemate.abi.attest.pki}
 * and the verifier {@code io.teemate.abi.attest.verify}.
 */
package io.teemate.host.attest;
