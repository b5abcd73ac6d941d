/**
 * The relying party's quote verifier: {@link io.teemate.abi.attest.verify.QuoteVerifier} checks a quote against a
 * trusted root and {@link io.teemate.abi.attest.verify.Expectations} and explains each check
 * ({@code teemate attest verify}).
 * <p>Why here: a verifier runs on nobody's enclave, it is the code of whoever wants to trust one (in DCAP, the
 * quote verification library on the relying party's machine). It is neither host nor enclave implementation, so it
 * must not sit in either module: the CLI (host side) calls it, and the enclave module's tests check the quoting
 * enclave's output with it. It reads only the shared formats of {@link io.teemate.abi.attest}, so it lives beside
 * them in the abi module, which every side may depend on; it is kept in its own package so that nothing in the
 * formats depends on it.
 */
package io.teemate.abi.attest.verify;
