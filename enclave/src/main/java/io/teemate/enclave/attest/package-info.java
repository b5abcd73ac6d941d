/**
 * The quoting enclave: the enclave program ({@link io.teemate.enclave.attest.QuotingEnclave}) that checks an
 * application enclave's REPORT with its REPORT key and signs it into an ECDSA quote v3 with its attestation key,
 * which its QE report, signed by its PCK key, vouches for. It runs only inside its enclave.
 * <p>What it shares with others is in the abi module: the quote and PCK request formats, its ecalls and statuses,
 * its layout and SIGSTRUCT ({@code io.teemate.abi.attest}); the verifier ({@code io.teemate.abi.attest.verify}) and
 * the emulated Intel PKI ({@code io.teemate.abi.attest.pki}) run on no enclave. Loading the QE is the host's job
 * ({@code io.teemate.host.attest.QuotingService}).
 */
package io.teemate.enclave.attest;
