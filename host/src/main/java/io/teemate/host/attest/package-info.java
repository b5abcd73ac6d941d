/**
 * The host's half of remote attestation: {@link io.teemate.host.attest.QuotingService}, the platform's quoting stack
 * (what the DCAP quote provider library and its quoting enclave are on a real SGX host). The quoting enclave itself
 * and the quote format, PKI and verifier are in {@code io.teemate.enclave.attest}.
 */
package io.teemate.host.attest;
