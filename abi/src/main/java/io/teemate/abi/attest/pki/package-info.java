/**
 * The emulated Intel provisioning infrastructure ({@link io.teemate.abi.attest.pki.PlatformPki}): root CA,
 * platform CA and PCK certificates. It is neither host nor enclave code: on a real platform it is Intel's PCS
 * (reached through a PCCS), off the machine altogether. It is in the abi module because the host's quoting service
 * (which has it certify the QE's PCK key), the CLI (which makes a platform for {@code teemate run}) and the enclave
 * module's tests all need it, and it depends only on the shared formats ({@link io.teemate.abi.attest}).
 */
package io.teemate.abi.attest.pki;
